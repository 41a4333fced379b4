import type { SchemaModel } from '../schema/model';
import type { ColumnDef, EdmType, EntityRecord } from '../schema/schema.types';
import { EMPTY_DATE, EMPTY_GUID } from '../schema/schema.types';
import { invalidQuery, unknownProperty } from './odata-error';

/** A scalar value as the filter and sort see it: empty lookups and empty dates are `null`. */
export type Scalar = string | number | boolean | null;

/** Finds a record of another entity by id (navigation through a lookup). */
export interface EvalContext {
  resolve(entity: string, id: string): EntityRecord | undefined;
}

export type Getter = (record: EntityRecord, ctx: EvalContext) => Scalar;

export type ResolvedPath =
  | { readonly kind: 'value'; readonly type: EdmType; readonly column: ColumnDef; readonly get: Getter; readonly plain: boolean }
  /** A path ending on a navigation property (`Status`): only usable as `eq null` / `ne null`. */
  | { readonly kind: 'entity'; readonly entity: string; readonly get: Getter };

/**
 * Reads a stored value in its filter form. Why null: Creatio stores empty lookups and dates as SQL
 * NULL and only serialises them as the zero GUID / 0001-01-01 (reference §1.4), so a filter sees null.
 */
function readColumn(column: ColumnDef): Getter {
  const name = column.name;
  if (column.type === 'Edm.Guid') {
    return (r) => {
      const v = r[name];
      return v === undefined || v === EMPTY_GUID ? null : v;
    };
  }
  if (column.type === 'Edm.DateTimeOffset') {
    return (r) => {
      const v = r[name];
      return v === undefined || v === EMPTY_DATE ? null : v;
    };
  }
  return (r) => r[name] ?? null;
}

function through(lookup: ColumnDef, target: string, inner: Getter): Getter {
  const name = lookup.name;
  return (r, ctx) => {
    const id = r[name];
    if (typeof id !== 'string' || id === EMPTY_GUID) return null;
    const t = ctx.resolve(target, id);
    return t ? inner(t, ctx) : null;
  };
}

/** The column `property` of `entity` (Id is implied when an entity does not declare it). */
export function findColumn(model: SchemaModel, entity: string, property: string): ColumnDef | undefined {
  const col = model.column(entity, property);
  if (col || property !== 'Id') return col;
  return model.entity(entity) ? { name: 'Id', type: 'Edm.Guid' } : undefined;
}

/**
 * Resolves `['Case', 'Contact', 'Name']` from `entity`: every segment but the last is a navigation
 * property; the last is a column or a navigation property. Unknown segment → Creatio's 400 (§1.6).
 */
export function resolvePath(model: SchemaModel, entity: string, segments: readonly string[]): ResolvedPath {
  const hops: { lookup: ColumnDef; target: string }[] = [];
  let current = entity;
  let result: ResolvedPath | undefined;
  segments.forEach((seg, i) => {
    if (result) throw invalidQuery(`Property '${segments[i - 1]}' is not a navigation property; '${seg}' cannot follow it.`);
    const nav = model.navigation(current, seg);
    const last = i === segments.length - 1;
    if (nav?.lookup && !last) {
      hops.push({ lookup: nav, target: nav.lookup.entity });
      current = nav.lookup.entity;
      return;
    }
    if (nav?.lookup) {
      const target = nav.lookup.entity;
      const id = readColumn(nav);
      result = { kind: 'entity', entity: target, get: (r, ctx) => {
        const v = id(r, ctx);
        return typeof v === 'string' && ctx.resolve(target, v) ? v : null;
      } };
      return;
    }
    const column = findColumn(model, current, seg);
    if (!column) throw unknownProperty(seg, current);
    result = { kind: 'value', type: column.type, column, get: readColumn(column), plain: hops.length === 0 };
  });
  if (!result) throw invalidQuery('An empty property path is not valid.');
  let get = result.get;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] as { lookup: ColumnDef; target: string };
    get = through(hop.lookup, hop.target, get);
  }
  return { ...result, get };
}
