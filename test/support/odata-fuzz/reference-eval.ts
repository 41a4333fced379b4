import { EMPTY_DATE, EMPTY_GUID, type FuzzEntity, type FuzzRecord } from './fuzz-types';
import type { GExpand, GExpr, GOperand, QuerySpec } from './fuzz-ast';
import type { SchemaInfo } from './generator';

/**
 * An independent, deliberately plain interpreter of the generator's QuerySpec over arrays. It
 * shares no code with mock-creatio/odata; it encodes the documented semantics directly:
 * empty lookup / empty date / navigation through an empty or dangling lookup = null; `eq null` is
 * the only comparison true for null; text compares case-insensitively; two-valued logic; sort with
 * nulls first ascending; properties in column order, expanded navigations after them.
 */
type V = string | number | boolean | null;

export interface ReferenceResult {
  readonly ids: string[];
  readonly rows: Record<string, unknown>[];
  readonly count: number;
}

function entityDef(info: SchemaInfo, name: string): FuzzEntity {
  const def = info.entities.find((e) => e.name === name);
  if (!def) throw new Error(`no entity ${name}`);
  return def;
}

function findById(info: SchemaInfo, entity: string, id: unknown): FuzzRecord | undefined {
  if (typeof id !== 'string' || id === EMPTY_GUID) return undefined;
  return (info.data[entity] ?? []).find((r) => r.Id === id);
}

/** Follows the path; returns the value, or for a path ending on a navigation the target's Id. */
function valueAt(info: SchemaInfo, entity: string, record: FuzzRecord, path: readonly string[]): V {
  let def = entityDef(info, entity);
  let rec: FuzzRecord = record;
  for (let i = 0; i < path.length; i += 1) {
    const seg = path[i] as string;
    const navCol = def.columns.find((c) => c.lookup?.nav === seg);
    if (navCol && navCol.lookup) {
      const target = findById(info, navCol.lookup.entity, rec[navCol.name]);
      if (!target) return null;
      if (i === path.length - 1) return target.Id as string;
      rec = target;
      def = entityDef(info, navCol.lookup.entity);
      continue;
    }
    const col = def.columns.find((c) => c.name === seg);
    if (!col) throw new Error(`no column ${seg}`);
    const v = rec[seg];
    if (v === undefined) return null;
    if (col.type === 'Edm.Guid' && v === EMPTY_GUID) return null;
    if (col.type === 'Edm.DateTimeOffset' && v === EMPTY_DATE) return null;
    return v;
  }
  return null;
}

function lower(v: V): V {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

function operandValue(info: SchemaInfo, entity: string, r: FuzzRecord, o: GOperand): V {
  if (o.k === 'lit') return o.value;
  const v = valueAt(info, entity, r, o.path);
  if (o.fn && typeof v === 'string') return o.fn === 'tolower' ? v.toLowerCase() : v.toUpperCase();
  return v;
}

export function evalExpr(info: SchemaInfo, entity: string, r: FuzzRecord, e: GExpr): boolean {
  switch (e.k) {
    case 'const': return e.value;
    case 'and': return evalExpr(info, entity, r, e.a) && evalExpr(info, entity, r, e.b);
    case 'or': return evalExpr(info, entity, r, e.a) || evalExpr(info, entity, r, e.b);
    case 'not': return !evalExpr(info, entity, r, e.e);
    case 'boolpath': return valueAt(info, entity, r, e.path) === true;
    case 'navnull': {
      const isNull = valueAt(info, entity, r, e.path) === null;
      return e.op === 'eq' ? isNull : !isNull;
    }
    case 'fn': {
      const s = lower(operandValue(info, entity, r, e.arg));
      const t = lower(operandValue(info, entity, r, e.lit));
      if (typeof s !== 'string' || typeof t !== 'string') return false;
      if (e.name === 'contains') return s.indexOf(t) >= 0;
      if (e.name === 'startswith') return s.slice(0, t.length) === t;
      return t.length === 0 || s.slice(-t.length) === t;
    }
    case 'cmp': {
      const a = lower(operandValue(info, entity, r, e.left));
      const b = lower(operandValue(info, entity, r, e.right));
      if (e.op === 'eq') return a === b;
      if (e.op === 'ne') return a !== b;
      if (a === null || b === null) return false;
      if (e.op === 'gt') return a > b;
      if (e.op === 'ge') return a >= b;
      if (e.op === 'lt') return a < b;
      return a <= b;
    }
  }
}

function compare(a: V, b: V): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function serializeReference(
  info: SchemaInfo, entity: string, r: FuzzRecord, select: readonly string[] | undefined, expand: readonly GExpand[] | undefined,
): Record<string, unknown> {
  const def = entityDef(info, entity);
  const out: Record<string, unknown> = {};
  for (const c of def.columns) if (!select || select.includes(c.name)) out[c.name] = r[c.name];
  for (const x of expand ?? []) {
    const col = def.columns.find((c) => c.lookup?.nav === x.nav);
    if (!col?.lookup) throw new Error(`no nav ${x.nav}`);
    const target = findById(info, col.lookup.entity, r[col.name]);
    out[x.nav] = target ? serializeReference(info, col.lookup.entity, target, x.select, x.expand) : null;
  }
  return out;
}

export function evaluateReference(info: SchemaInfo, spec: QuerySpec): ReferenceResult {
  const all = [...(info.data[spec.entity] ?? [])];
  const matching = spec.filter ? all.filter((r) => evalExpr(info, spec.entity, r, spec.filter as GExpr)) : all;
  let rows = matching;
  if (spec.orderby) {
    const keys = spec.orderby;
    rows = matching
      .map((r, i) => ({ r, i, k: keys.map((o) => lower(valueAt(info, spec.entity, r, o.path))) }))
      .sort((x, y) => {
        for (let j = 0; j < keys.length; j += 1) {
          const c = compare(x.k[j] ?? null, y.k[j] ?? null);
          if (c !== 0) return keys[j]?.desc ? -c : c;
        }
        return x.i - y.i;
      })
      .map((d) => d.r);
  }
  const skip = spec.skip ?? 0;
  rows = rows.slice(skip, spec.top === undefined ? undefined : skip + spec.top);
  return {
    ids: rows.map((r) => r.Id as string),
    rows: rows.map((r) => serializeReference(info, spec.entity, r, spec.select, spec.expand)),
    count: matching.length,
  };
}
