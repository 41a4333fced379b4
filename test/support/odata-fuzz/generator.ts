import { EMPTY_DATE, EMPTY_GUID, type FuzzEdmType, type FuzzEntity, type FuzzRecord } from './fuzz-types';
import { canonicalDate, randomDate, randomGuid, WORDS } from './fuzz-schema';
import {
  renderExpand, renderFilter, toQueryString, type CmpOp, type GExpand, type GExpr, type GOperand, type QuerySpec,
} from './fuzz-ast';
import { generateInvalid } from './mutations';
import type { Rng } from './prng';

/**
 * Random OData query strings over a schema + dataset, deterministic by PRNG seed. A valid case
 * carries its QuerySpec (the AST) for `evaluateReference`; an invalid case names its mutation.
 */
export interface SchemaInfo {
  readonly entities: readonly FuzzEntity[];
  readonly data: Readonly<Record<string, readonly FuzzRecord[]>>;
  /** Entity sets queried at the top level; default ROOTS. */
  readonly roots?: readonly string[];
}

export type FuzzCase =
  | { readonly kind: 'valid'; readonly entity: string; readonly query: string; readonly spec: QuerySpec }
  /** `must-fail`: has to throw a 4xx ODataHttpError; `may-fail`: random text, may be valid. */
  | { readonly kind: 'invalid'; readonly entity: string; readonly query: string; readonly mutation: string; readonly mustFail: boolean };

export interface PathInfo {
  readonly path: readonly string[];
  readonly type: FuzzEdmType;
  /** Where the values come from (entity + column), for realistic literals. */
  readonly entity: string;
  readonly column: string;
}

export const ROOTS = ['Activity', 'Case', 'Contact', 'CaseStatus'];

/** Value paths (up to two navigation hops) and navigation paths of an entity. */
export function pathsOf(info: SchemaInfo, entity: string, hops = 2): { values: PathInfo[]; navs: string[][] } {
  const def = info.entities.find((e) => e.name === entity);
  const values: PathInfo[] = [];
  const navs: string[][] = [];
  for (const c of def?.columns ?? []) {
    values.push({ path: [c.name], type: c.type, entity, column: c.name });
    if (c.lookup && hops > 0 && info.entities.some((e) => e.name === c.lookup?.entity)) {
      navs.push([c.lookup.nav]);
      const inner = pathsOf(info, c.lookup.entity, hops - 1);
      for (const v of inner.values) values.push({ ...v, path: [c.lookup.nav, ...v.path] });
      for (const n of inner.navs) navs.push([c.lookup.nav, ...n]);
    }
  }
  return { values, navs };
}

export function generateCase(rng: Rng, info: SchemaInfo, validShare = 0.6): FuzzCase {
  const entity = rng.pick(info.roots ?? ROOTS);
  if (rng.chance(validShare)) {
    const spec = generateSpec(rng, info, entity);
    return { kind: 'valid', entity, spec, query: renderSpec(rng, spec) };
  }
  return generateInvalid(rng, info, entity);
}

export function renderSpec(rng: Rng, spec: QuerySpec): string {
  const pairs: [string, string][] = [];
  if (spec.filter) pairs.push(['$filter', renderFilter(spec.filter, rng)]);
  if (spec.select) pairs.push(['$select', spec.select.join(',')]);
  else if (rng.chance(0.1)) pairs.push(['$select', '*']);
  if (spec.expand) pairs.push(['$expand', renderExpand(spec.expand)]);
  if (spec.orderby) pairs.push(['$orderby', spec.orderby.map((o) => `${o.path.join('/')}${o.desc ? ' desc' : rng.chance(0.5) ? ' asc' : ''}`).join(',')]);
  if (spec.top !== undefined) pairs.push(['$top', String(spec.top)]);
  if (spec.skip !== undefined) pairs.push(['$skip', String(spec.skip)]);
  if (spec.count) pairs.push(['$count', 'true']);
  else if (rng.chance(0.1)) pairs.push(['$count', 'false']);
  if (rng.chance(0.1)) pairs.push(['custom', 'ignored']);
  const shuffled = pairs.map((p) => [rng.next(), p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  return toQueryString(shuffled);
}

export function generateSpec(rng: Rng, info: SchemaInfo, entity: string): QuerySpec {
  const def = info.entities.find((e) => e.name === entity) as FuzzEntity;
  const { values } = pathsOf(info, entity);
  const orderby = rng.chance(0.6)
    ? rng.some(values, 3).map((p) => ({ path: p.path, desc: rng.chance(0.4) }))
    : undefined;
  if (orderby && !orderby.some((o) => o.path.length === 1 && o.path[0] === 'Id')) orderby.push({ path: ['Id'], desc: rng.chance(0.3) });
  return {
    entity,
    count: rng.chance(0.3),
    ...(rng.chance(0.8) ? { filter: genExpr(rng, info, entity, rng.int(0, 3)) } : {}),
    ...(rng.chance(0.5) ? { select: rng.some(def.columns.map((c) => c.name), 5) } : {}),
    ...(rng.chance(0.4) ? { expand: genExpand(rng, info, entity, 1) } : {}),
    ...(orderby ? { orderby } : {}),
    ...(rng.chance(0.4) ? { top: rng.int(0, 30) } : {}),
    ...(rng.chance(0.3) ? { skip: rng.int(0, 40) } : {}),
  };
}

function genExpand(rng: Rng, info: SchemaInfo, entity: string, depth: number): GExpand[] | undefined {
  const def = info.entities.find((e) => e.name === entity) as FuzzEntity;
  const lookups = def.columns.filter((c) => c.lookup && info.entities.some((e) => e.name === c.lookup?.entity));
  if (lookups.length === 0) return undefined;
  return rng.some(lookups, 3).map((c) => {
    const target = info.entities.find((e) => e.name === c.lookup?.entity) as FuzzEntity;
    const select = rng.chance(0.6) ? rng.some(target.columns.map((t) => t.name), 3) : undefined;
    const expand = depth > 0 && rng.chance(0.3) ? genExpand(rng, info, target.name, depth - 1) : undefined;
    return { nav: c.lookup?.nav as string, ...(select ? { select } : {}), ...(expand ? { expand } : {}) };
  });
}

export function genExpr(rng: Rng, info: SchemaInfo, entity: string, depth: number): GExpr {
  if (depth > 0 && rng.chance(0.6)) {
    if (rng.chance(0.2)) return { k: 'not', e: genExpr(rng, info, entity, depth - 1) };
    return { k: rng.chance(0.5) ? 'and' : 'or', a: genExpr(rng, info, entity, depth - 1), b: genExpr(rng, info, entity, depth - 1) };
  }
  const { values, navs } = pathsOf(info, entity);
  const roll = rng.next();
  if (roll < 0.05) return { k: 'const', value: rng.chance(0.5) };
  if (roll < 0.12 && navs.length) return { k: 'navnull', path: rng.pick(navs), op: rng.chance(0.5) ? 'eq' : 'ne' };
  const bools = values.filter((v) => v.type === 'Edm.Boolean');
  if (roll < 0.2 && bools.length) return { k: 'boolpath', path: rng.pick(bools).path };
  const texts = values.filter((v) => v.type === 'Edm.String');
  if (roll < 0.4 && texts.length) {
    const p = rng.pick(texts);
    const needle = fragment(rng, sample(rng, info, p));
    return { k: 'fn', name: rng.pick(['contains', 'startswith', 'endswith'] as const), arg: pathOperand(rng, p), lit: stringLit(needle) };
  }
  const p = rng.pick(values);
  const ordered = p.type !== 'Edm.Guid' && p.type !== 'Edm.Boolean';
  const op: CmpOp = ordered && rng.chance(0.5) ? rng.pick(['gt', 'ge', 'lt', 'le'] as const) : rng.chance(0.6) ? 'eq' : 'ne';
  const same = values.filter((v) => v.type === p.type);
  const other: GOperand = rng.chance(0.1) ? pathOperand(rng, rng.pick(same)) : literalFor(rng, info, p, op);
  const left = pathOperand(rng, p);
  return rng.chance(0.2) ? { k: 'cmp', op, left: other, right: left } : { k: 'cmp', op, left, right: other };
}

function pathOperand(rng: Rng, p: PathInfo): GOperand {
  const fn = p.type === 'Edm.String' && rng.chance(0.25) ? rng.pick(['tolower', 'toupper'] as const) : undefined;
  return fn ? { k: 'path', path: p.path, type: p.type, fn } : { k: 'path', path: p.path, type: p.type };
}

/** A value of the column from the dataset (so comparisons hit), or undefined. */
function sample(rng: Rng, info: SchemaInfo, p: PathInfo): string | number | boolean | undefined {
  const rows = info.data[p.entity] ?? [];
  return rows.length ? rows[rng.int(0, rows.length - 1)]?.[p.column] : undefined;
}

function fragment(rng: Rng, v: unknown): string {
  const s = typeof v === 'string' ? v : rng.pick(WORDS);
  const a = rng.int(0, s.length);
  const b = rng.int(a, Math.min(s.length, a + 4));
  const f = s.slice(a, b);
  return rng.chance(0.3) ? f.toUpperCase() : f;
}

export function stringLit(value: string): GOperand {
  return { k: 'lit', value, text: `'${value.replace(/'/g, "''")}'` };
}

function literalFor(rng: Rng, info: SchemaInfo, p: PathInfo, op: CmpOp): GOperand {
  const nullable = (op === 'eq' || op === 'ne') && rng.chance(0.15);
  if (nullable) return { k: 'lit', value: null, text: 'null' };
  const v = rng.chance(0.6) ? sample(rng, info, p) : undefined;
  switch (p.type) {
    case 'Edm.String': return stringLit(typeof v === 'string' ? (rng.chance(0.3) ? v.toUpperCase() : v) : rng.pick(WORDS));
    case 'Edm.Guid': {
      const g = typeof v === 'string' && v !== EMPTY_GUID ? v : randomGuid(rng);
      return { k: 'lit', value: g, text: rng.chance(0.2) ? g.toUpperCase() : g };
    }
    case 'Edm.Int32': {
      const n = typeof v === 'number' ? v : rng.int(-10, 60);
      return { k: 'lit', value: n, text: String(n) };
    }
    case 'Edm.Decimal': {
      const n = typeof v === 'number' ? v : rng.int(-400, 4000) / 4;
      return { k: 'lit', value: n, text: Number.isInteger(n) && rng.chance(0.5) ? `${n}.0` : String(n) };
    }
    case 'Edm.Boolean': {
      const b = typeof v === 'boolean' ? v : rng.chance(0.5);
      return { k: 'lit', value: b, text: String(b) };
    }
    case 'Edm.DateTimeOffset': return dateLiteral(rng, typeof v === 'string' && v !== EMPTY_DATE ? v : randomDate(rng));
  }
}

/** Writes a canonical date in one of the accepted forms: Z, offset, 0/3/7 fraction digits, bare date. */
export function dateLiteral(rng: Rng, canonical: string): GOperand {
  const ms = Date.parse(`${canonical.slice(0, 23)}Z`);
  const ticks = Number(canonical.slice(23, 27));
  const midnight = ms % 86_400_000 === 0 && ticks === 0;
  if (midnight && rng.chance(0.5)) return { k: 'lit', value: canonical, text: canonical.slice(0, 10) };
  const offsetMin = rng.chance(0.4) ? rng.pick([-480, -150, 60, 120, 330, 840]) : 0;
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const frac = ticks ? `.${canonical.slice(20, 27)}` : ms % 1000 ? `.${canonical.slice(20, 23)}` : rng.chance(0.2) ? '.000' : '';
  const zone = offsetMin === 0 ? (rng.chance(0.2) ? '+00:00' : 'Z')
    : `${offsetMin < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offsetMin) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMin) % 60).padStart(2, '0')}`;
  return { k: 'lit', value: canonicalDate(ms, ticks), text: `${local}${frac}${zone}` };
}
