import type { FuzzEntity, FuzzRecord, FuzzTable } from './fuzz-types';

/** A minimal in-memory FuzzTable for tests: insertion order, lazy hash indexes for `lookup()`. */
export function createMemoryTable(entity: FuzzEntity, records: readonly FuzzRecord[]): FuzzTable & { lookups: number } {
  const byId = new Map<string, FuzzRecord>();
  for (const r of records) byId.set(r.Id as string, r);
  const indexes = new Map<string, Map<unknown, FuzzRecord[]>>();
  const table = {
    entity,
    lookups: 0,
    get size() {
      return byId.size;
    },
    get: (id: string) => byId.get(id),
    all: () => byId.values(),
    lookup(column: string, value: string | number | boolean): readonly FuzzRecord[] {
      table.lookups += 1;
      let index = indexes.get(column);
      if (!index) {
        index = new Map();
        for (const r of byId.values()) {
          const list = index.get(r[column]);
          if (list) list.push(r);
          else index.set(r[column], [r]);
        }
        indexes.set(column, index);
      }
      return index.get(value) ?? [];
    },
  };
  return table;
}
