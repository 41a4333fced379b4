/**
 * What the Scenarios view does through the Lab API: the library, opening a file (from the library or
 * the disk), checking the text as it is edited, and runs in a fresh lab. Answers go into the store.
 */
import { labClient } from '../../api/lab-client';
import { coalesceByKey } from '../../lib/coalesce';
import { sourceOf } from './scenarios.selectors';
import { type Opened, useScenariosStore } from './scenarios.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useScenariosStore.getState();

/** A scenario file is small; anything bigger is a mistake (the API refuses over 500,000 characters). */
export const MAX_FILE_BYTES = 500_000;
/** Checking waits until the typing pauses this long, so each keystroke is not a request. */
const CHECK_PAUSE_MS = 400;

export async function loadLibrary(): Promise<void> {
  store().setLibraryLoad('loading');
  try {
    store().setLibrary((await labClient().scenarioLibrary()).scenarios);
  } catch (error) {
    store().setLibraryLoad('error', message(error));
  }
}

/** Checks the editor's text now (the answer is dropped if the text changed meanwhile). */
export async function checkNow(): Promise<void> {
  const { text, opened } = store();
  if (!opened) return;
  if (!text.trim()) return store().setCheck({ ok: false, errors: [{ file: nameOf(opened), line: 1, column: 1, message: 'the file is empty' }] });
  store().setCheck(store().check, true);
  try {
    const check = await labClient().checkScenario({ yaml: text, name: nameOf(opened) });
    if (store().text === text) store().setCheck(check);
  } catch (error) {
    store().setCheck(null);
    store().setEditorError(message(error));
  }
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;

/** The person edits the text: it is checked again once the typing pauses. */
export function editText(text: string): void {
  store().setText(text);
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void checkNow(), CHECK_PAUSE_MS);
}

export async function openLibraryFile(path: string): Promise<void> {
  store().setEditorError(undefined);
  try {
    const { yaml } = await labClient().scenarioFile(path);
    store().open({ kind: 'library', path }, yaml);
    await checkNow();
  } catch (error) {
    store().setEditorError(message(error));
  }
}

/** A file chosen from the disk (`<input type=file>`): its text, named by its file name. */
export async function openDiskFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) return store().setEditorError(`${file.name} is ${file.size.toLocaleString()} bytes: a scenario file is at most ${MAX_FILE_BYTES.toLocaleString()}`);
  store().open({ kind: 'text', name: file.name }, await file.text());
  await checkNow();
}

/** An empty editor to paste a scenario into. */
export function openBlank(): void {
  store().open({ kind: 'text', name: 'pasted.yaml' }, '');
}

/** Runs the open scenario in its own fresh lab; progress arrives as events (scenarios.events.ts). */
export async function runInFreshLab(): Promise<void> {
  const source = sourceOf(store());
  if (!source) return;
  store().setStarting(true);
  try {
    const { runId } = await labClient().startScenarioRun(source);
    store().showRun(runId);
    await refreshRun(runId);
    store().setStarting(false);
  } catch (error) {
    store().setStarting(false, message(error));
  }
}

/** Reads a run again (its steps so far, its timeline once finished). */
export const refreshRun = coalesceByKey(async (runId) => {
  store().upsertRun(await labClient().scenarioRun(runId));
}, (error) => console.warn('Could not read a scenario run:', error));

function nameOf(opened: Opened): string {
  return opened.kind === 'library' ? opened.path : opened.name;
}
