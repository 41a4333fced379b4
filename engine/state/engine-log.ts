/**
 * Reading the engine's log on start: every record checked (the Store is a boundary), replayed
 * through the reducer, and the log compacted into one snapshot record when it has grown long.
 */
import { EngineError } from '../engine-error';
import type { EngineRecord } from '../events';
import type { Store } from '../ports';
import { EngineRecordSchema } from './record-schema';
import { applyEvent, type EngineState } from './reducer';
import { snapshotRecord } from './snapshot';

export interface LoadResult {
  records: number;
  compacted: boolean;
}

export async function loadLog(store: Store<EngineRecord>, state: EngineState, options: { compactAfterRecords: number; at: string }): Promise<LoadResult> {
  const records = await store.load();
  records.forEach((record, index) => {
    const parsed = EngineRecordSchema.safeParse(record);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
      throw new EngineError('INTERNAL', `engine log record ${index + 1} is not an engine record: ${problems}`, { record: index + 1 });
    }
    for (const event of record.events) applyEvent(state, event);
  });
  if (records.length <= options.compactAfterRecords) return { records: records.length, compacted: false };
  await store.compact([snapshotRecord(state, options.at)]);
  return { records: records.length, compacted: true };
}
