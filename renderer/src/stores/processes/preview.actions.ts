/**
 * What the editor reads to help: the site's objects (OData `$metadata`), recent records of the
 * signal's object, values of lookup objects, the engine's webhook URL, and the live preview of the
 * request (`POST /api/processes/preview`), read again a moment after each edit.
 */
import type { ODataRow } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { coalesce, coalesceByKey } from '../../lib/coalesce';
import { maskWebhookToken, toDefinition } from './draft';
import { displayColumnOf, parseMetadata } from './entity-model';
import { useProcessesStore, type RecordOption } from './processes.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useProcessesStore.getState();
/** Edits come in keystrokes: preview once typing pauses, not on every key. */
const PREVIEW_PAUSE_MS = 250;

/** Reads the site's objects once (again after a failure). */
export const loadModel = coalesce(async () => {
  if (store().model) return;
  try {
    const xml = await labClient().odataMetadata();
    store().setModel(parseMetadata(xml));
  } catch (error) {
    store().setModel(null, message(error));
  }
});

function toOption(row: ODataRow, display: string | undefined): RecordOption {
  const id = String(row.Id ?? '');
  const text = display ? String(row[display] ?? '') : '';
  return { id, label: text ? `${text} (${id.slice(0, 8)})` : id };
}

/** The newest records of `entity` (by CreatedOn where it has one), for the preview and the test button. */
export const loadRecords = coalesceByKey(async (entity: string) => {
  await loadModel();
  const info = store().model?.[entity];
  const display = displayColumnOf(info);
  const hasCreatedOn = info?.columns.some((c) => c.name === 'CreatedOn');
  const query = `${entity}?$select=Id${display ? `,${display}` : ''}${hasCreatedOn ? '&$orderby=CreatedOn desc' : ''}&$top=20`;
  try {
    const { value } = await labClient().odataList(query);
    if (store().draft?.entity === entity) store().setRecords(entity, value.map((row) => toOption(row, display)));
  } catch {
    if (store().draft?.entity === entity) store().setRecords(entity, []);
  }
  schedulePreview();
});

/** Records of a lookup object (ActivityType → Email, Task...) for the filter's value picker. */
export const loadLookupValues = coalesceByKey(async (entity: string) => {
  if (store().lookupValues[entity]) return;
  const display = displayColumnOf(store().model?.[entity]);
  if (!display) return;
  const { value } = await labClient().odataList(`${entity}?$select=Id,${display}&$top=200`);
  store().setLookupValues(entity, value.map((row) => ({ id: String(row.Id ?? ''), label: String(row[display] ?? '') })));
}, () => undefined);

let sequence = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Renders the draft's request for the chosen record a moment after the last edit; older answers are dropped. */
export function schedulePreview(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void runPreview(), PREVIEW_PAUSE_MS);
}

async function runPreview(): Promise<void> {
  const { draft, recordId, recordsOf } = store();
  if (!draft) return;
  const mine = ++sequence;
  const { name, ...process } = toDefinition(draft);
  // A record of another object (the signal's object just changed) would be a 404: checks only until the list follows.
  const record = recordId && recordsOf === draft.entity ? { recordId } : {};
  try {
    const preview = await labClient().previewProcess({ process: name ? { name, ...process } : process, ...record });
    if (mine === sequence) store().setPreview(preview);
  } catch (error) {
    if (mine === sequence) store().setPreview(null, message(error));
  }
}

/** Puts the engine's webhook URL in the URL field: the draft keeps it, the field shows its token as `***`. */
export async function insertEngineWebhookUrl(): Promise<void> {
  try {
    const { url } = await labClient().engineWebhookUrl();
    store().edit(() => ({ url: maskWebhookToken(url), secretUrl: url }));
    schedulePreview();
  } catch (error) {
    store().setActing(null, `Could not read the engine's webhook URL: ${message(error)}`);
  }
}
