/**
 * Compaction: the log of a long-running engine grows by several records per message. On start,
 * when the log is long, the engine rewrites it as one record holding a snapshot of the state
 * (Store.compact is atomic: the old log stays until the new one is complete). Finished outbox
 * items are left out, except the latest few that `outbox()` still shows.
 */
import type { EngineRecord, StateSnapshot } from '../events';
import type { EngineState } from './reducer';

/** How many finished outbox items a snapshot keeps for the outbox view (the running state keeps 200 to 400: reducer.ts). */
export const DONE_ITEMS_KEPT = 200;

export function snapshotOf(state: EngineState): StateSnapshot {
  const items = [...state.outbox.values()].sort((a, b) => a.seq - b.seq);
  const done = items.filter((i) => i.state === 'done').slice(-DONE_ITEMS_KEPT);
  const open = items.filter((i) => i.state !== 'done');
  return structuredClone({
    conversations: [...state.conversations.values()],
    outbox: [...done, ...open].sort((a, b) => a.seq - b.seq),
    lastSeq: state.lastSeq,
  });
}

export function snapshotRecord(state: EngineState, at: string): EngineRecord {
  return { v: 1, events: [{ type: 'state.snapshotted', at, snapshot: snapshotOf(state) }] };
}
