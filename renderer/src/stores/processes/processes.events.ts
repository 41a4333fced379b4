/**
 * Keeps the Processes view current while it is shown: the open process's run log on each
 * `process.ran` of it, recent records when records of the signal's object change, the list after a
 * reset or a reconnection; and the live preview after each edit of the draft or choice of record.
 */
import type { LabEvent } from '../../../../contract';
import { onLabEvents, onStreamOpen } from '../../bridge/event-listeners';
import { loadProcesses, loadRuns } from './processes.actions';
import { loadRecords, schedulePreview } from './preview.actions';
import { useProcessesStore } from './processes.store';

const store = () => useProcessesStore.getState();

function onBatch(events: LabEvent[]): void {
  const { selectedId, draft } = store();
  if (events.some((e) => e.source === 'lab' && (e.type === 'lab.reset' || e.type === 'snapshot.restored'))) void loadProcesses();
  if (selectedId && events.some((e) => e.type === 'process.ran' && e.data.processId === selectedId)) void loadRuns().catch(() => undefined);
  if (draft && events.some((e) => e.source === 'creatio' && e.data.entity === draft.entity && e.type !== 'record.updated')) void loadRecords(draft.entity);
}

/** Starts following events and edits; the returned function stops (the view unmounts). */
export function startProcessesSync(): () => void {
  const offEvents = onLabEvents(onBatch);
  const offOpen = onStreamOpen(() => {
    void loadProcesses();
    void loadRuns().catch(() => undefined);
  });
  const offStore = useProcessesStore.subscribe((now, before) => {
    if (now.draft && now.draft.entity !== before.draft?.entity) void loadRecords(now.draft.entity);
    if (now.draft !== before.draft || now.recordId !== before.recordId) schedulePreview();
  });
  return () => {
    offEvents();
    offOpen();
    offStore();
  };
}
