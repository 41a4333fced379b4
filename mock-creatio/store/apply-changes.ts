import type { EntityRecord } from '../schema/schema.types';
import { StoreError, type ChangeRequest, type RecordChange } from './store.types';
import type { MemoryTable } from './table';

/**
 * Applies a commit to the tables, all or nothing: every change is checked first (against the
 * tables plus the earlier changes of the same commit, so "insert then update" in one commit
 * works), and only then are the tables touched. Records are frozen: they are shared by reference
 * with readers, compaction and snapshots.
 */
export function applyChanges(tables: ReadonlyMap<string, MemoryTable>, changes: readonly ChangeRequest[]): RecordChange[] {
  const pending = new Map<string, EntityRecord | null>();
  for (const change of changes) {
    const table = tables.get(change.entity);
    if (!table) throw new StoreError('UNKNOWN_ENTITY', `Entity "${change.entity}" is not in the model`);
    const id = idOf(change);
    const key = `${change.entity}\u0000${id}`;
    const current = pending.has(key) ? pending.get(key) : table.get(id);
    if (change.kind === 'insert') {
      if (current) throw new StoreError('DUPLICATE_KEY', `${change.entity} ${id} already exists`);
      pending.set(key, change.record);
    } else {
      if (!current) throw new StoreError('NOT_FOUND', `${change.entity} ${id} was not found`);
      pending.set(key, change.kind === 'delete' ? null : change.record);
    }
  }
  const applied: RecordChange[] = [];
  for (const change of changes) {
    const table = tables.get(change.entity) as MemoryTable;
    if (change.kind === 'delete') {
      const before = table.remove(change.id) as EntityRecord;
      applied.push({ kind: 'delete', entity: change.entity, id: change.id, before });
      continue;
    }
    const after = Object.isFrozen(change.record) ? change.record : Object.freeze({ ...change.record });
    const before = table.put(after);
    const id = after.Id as string;
    applied.push(
      change.kind === 'insert'
        ? { kind: 'insert', entity: change.entity, id, after }
        : { kind: 'update', entity: change.entity, id, before: before as EntityRecord, after },
    );
  }
  return applied;
}

function idOf(change: ChangeRequest): string {
  const id = change.kind === 'delete' ? change.id : change.record.Id;
  if (typeof id !== 'string' || id === '') {
    throw new TypeError(`A ${change.kind} of ${change.entity} needs a string Id`);
  }
  return id;
}
