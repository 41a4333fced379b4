import type { EntityRecord } from '../schema/schema.types';
import type { SchemaModel } from '../schema/model';
import type { Table } from '../store/store.types';
import type { WriteContext } from './write-context';

/** In-memory tables over plain record arrays, for the write-rule tests (the real store is elsewhere). */
export function memoryTables(model: SchemaModel, data: Record<string, EntityRecord[]>) {
  const tables = new Map<string, Map<string, EntityRecord>>();
  for (const def of model.entities) {
    tables.set(def.name, new Map((data[def.name] ?? []).map((r) => [String(r.Id), r])));
  }
  const table = (entity: string): Table | undefined => {
    const def = model.entity(entity);
    const rows = tables.get(entity);
    if (!def || !rows) return undefined;
    return {
      entity: def,
      get size() {
        return rows.size;
      },
      get: (id) => rows.get(id),
      all: () => rows.values(),
      lookup: (column, value) => [...rows.values()].filter((r) => r[column] === value),
    };
  };
  const put = (entity: string, record: EntityRecord) => tables.get(entity)?.set(String(record.Id), record);
  return { table, put };
}

/** A write context over memory tables with a counting sequence and fixed ids. */
export function testContext(
  model: SchemaModel,
  data: Record<string, EntityRecord[]>,
  options: { now: string; userContactId: string },
): WriteContext & { put: (entity: string, record: EntityRecord) => void } {
  const { table, put } = memoryTables(model, data);
  let sequence = 0;
  let ids = 0;
  return {
    model,
    table,
    put,
    now: options.now,
    userContactId: options.userContactId,
    nextSequence: () => ++sequence,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  };
}
