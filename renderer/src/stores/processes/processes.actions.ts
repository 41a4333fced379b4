/** What the Processes view does with the site's processes, over the Lab API; answers go into the processes store. */
import { labClient } from '../../api/lab-client';
import { coalesce } from '../../lib/coalesce';
import { draftFromProcess, newDraft, toDefinition } from './draft';
import { loadRecords, schedulePreview } from './preview.actions';
import { useProcessesStore } from './processes.store';
import { errorMessage as message, withActing } from '../../lib/acting';

const store = () => useProcessesStore.getState();

/** Reads the list; the open draft is left alone (it may hold edits). */
export const loadProcesses = coalesce(async () => {
  if (store().listLoad === 'idle') store().setListLoad('loading');
  try {
    store().setProcesses((await labClient().listProcesses()).processes);
  } catch (error) {
    store().setListLoad('error', message(error));
  }
});

/** Reads the selected process's runs (oldest first), again on each `process.ran` of it. */
export const loadRuns = coalesce(async () => {
  const id = store().selectedId;
  if (!id) return;
  const { entries } = await labClient().processRuns(id);
  store().setRuns(id, entries);
});

function afterOpen(): void {
  const draft = store().draft;
  if (draft) void loadRecords(draft.entity);
  schedulePreview();
  void loadRuns().catch(() => undefined);
}

export function openProcess(id: string): void {
  const process = store().processes.find((p) => p.id === id);
  if (!process || store().selectedId === id) return;
  store().open(id, draftFromProcess(process));
  afterOpen();
}

/** A new process from scratch: a Signal on Activity "added" and a "Call web service" to fill in. */
export function startNewProcess(): void {
  store().open(null, newDraft());
  afterOpen();
}

function act(label: string, work: () => Promise<void>): Promise<boolean> {
  return withActing(store().setActing, label, work);
}

/** One of the seed's two processes, pointed at the engine's webhook URL (kept secret by the site). */
export async function createFromTemplate(template: 'agent-reply' | 'case-closure'): Promise<void> {
  await act('Creating from the template', async () => {
    const client = labClient();
    const { url } = await client.engineWebhookUrl();
    const created = await client.createProcess({ template, url });
    store().upsertProcess(created);
    store().open(created.id, draftFromProcess(created));
    afterOpen();
  });
}

/** Saves the draft (create or replace); the site's checks refuse it with a message naming each problem. */
export async function saveDraft(): Promise<void> {
  const draft = store().draft;
  if (!draft) return;
  await act('Saving', async () => {
    const client = labClient();
    const definition = toDefinition(draft);
    const saved = draft.id ? await client.replaceProcess(draft.id, definition) : await client.createProcess(definition);
    store().upsertProcess(saved);
    store().saved(draftFromProcess(saved));
    afterOpen();
  });
}

export async function deleteProcess(id: string): Promise<void> {
  await act('Deleting', async () => {
    await labClient().deleteProcess(id);
    store().removeProcess(id);
    if (store().selectedId === id) store().open(null, null);
  });
}

/**
 * Enables or disables a process; the open draft follows without counting as an edit. The switch moves
 * at once (optimistic) and moves back when the site refuses, as a checkbox the user just clicked should.
 */
export async function setActive(id: string, active: boolean): Promise<void> {
  const before = store().processes.find((p) => p.id === id);
  if (before) store().upsertProcess({ ...before, active });
  const done = await act(active ? 'Enabling' : 'Disabling', async () => {
    const process = await labClient().setProcessActive(id, active);
    store().upsertProcess(process);
    const draft = store().draft;
    if (draft?.id === id) useProcessesStore.setState({ draft: { ...draft, active: process.active ?? active } });
  });
  if (!done && before) store().upsertProcess(before);
}

/** The test button: runs the saved process now against the chosen record and opens the run. */
export async function fireProcess(): Promise<void> {
  const { selectedId, recordId } = store();
  if (!selectedId || !recordId) return;
  await act('Running', async () => {
    const run = await labClient().fireProcess(selectedId, recordId);
    store().setFiredRun(run);
    void loadRuns().catch(() => undefined);
  });
}
