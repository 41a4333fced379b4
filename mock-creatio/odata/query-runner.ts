import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { Table } from '../store/store.types';
import { ODataHttpError } from './odata-error';
import type { CompiledFilter } from './filter-compiler';
import { resolvePath, type EvalContext, type Getter, type Scalar } from './property-path';
import type { OrderByItem, QueryOptions } from './query.types';

/**
 * Runs parsed query options over a table: filter (starting from an index when the top-level AND
 * chain has `<Column> eq <literal>`), stable sort, then skip/top. Without `$orderby` rows keep
 * insertion order. Sorting: nulls first ascending (MSSQL order, docs/fidelity.md), text compared
 * case-insensitively.
 */
export function runQuery(
  model: SchemaModel,
  tableOf: (entity: string) => Table | undefined,
  entity: string,
  options: QueryOptions,
): { rows: EntityRecord[]; count?: number } {
  const table = tableOf(entity);
  if (!table) throw new ODataHttpError(404, `The entity set '${entity}' was not found.`);
  const ctx = createContext(tableOf);
  const filter = options.filter as CompiledFilter | undefined;
  let rows: EntityRecord[];
  if (filter) {
    const predicate = filter.predicate;
    rows = [];
    for (const r of candidates(table, filter)) if (predicate(r, ctx)) rows.push(r);
  } else {
    rows = Array.from(table.all());
  }
  const count = rows.length;
  if (options.orderby?.length) rows = sortRows(model, entity, rows, options.orderby, ctx);
  const skip = options.skip ?? 0;
  if (skip > 0 || options.top !== undefined) {
    rows = rows.slice(skip, options.top === undefined ? undefined : skip + options.top);
  }
  return options.count ? { rows, count } : { rows };
}

/** Caches table look-ups per query so navigation costs one Map hit per hop. */
export function createContext(tableOf: (entity: string) => Table | undefined): EvalContext {
  const tables = new Map<string, Table | undefined>();
  return {
    resolve(target, id) {
      let t = tables.get(target);
      if (t === undefined && !tables.has(target)) {
        t = tableOf(target);
        tables.set(target, t);
      }
      return t?.get(id);
    },
  };
}

/** The smallest index hit among the seeds, or every row. The full predicate still runs on them. */
function candidates(table: Table, filter: CompiledFilter): Iterable<EntityRecord> {
  let best: readonly EntityRecord[] | undefined;
  for (const seed of filter.seeds) {
    let hits: readonly EntityRecord[];
    if (seed.column === 'Id') {
      const r = typeof seed.value === 'string' ? table.get(seed.value) : undefined;
      hits = r ? [r] : [];
    } else {
      hits = table.lookup(seed.column, seed.value);
    }
    if (!best || hits.length < best.length) best = hits;
    if (best.length === 0) break;
  }
  return best ?? table.all();
}

function sortRows(
  model: SchemaModel,
  entity: string,
  rows: EntityRecord[],
  orderby: readonly OrderByItem[],
  ctx: EvalContext,
): EntityRecord[] {
  const keys = orderby.map((item) => {
    const p = resolvePath(model, entity, item.path);
    const get: Getter = p.get;
    const text = p.kind === 'value' && p.type === 'Edm.String';
    return { get, text, sign: item.desc ? -1 : 1 };
  });
  const decorated = rows.map((row, index) => ({
    row,
    index,
    values: keys.map((k) => {
      const v = k.get(row, ctx);
      return k.text && typeof v === 'string' ? v.toLowerCase() : v;
    }),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i += 1) {
      const c = compareScalars(a.values[i] ?? null, b.values[i] ?? null);
      if (c !== 0) return c * (keys[i] as { sign: number }).sign;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.row);
}

function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
