import type { SchemaModel } from '../schema/model';
import type { ColumnDef, EntityRecord } from '../schema/schema.types';
import { EMPTY_DATE, EMPTY_GUID } from '../schema/schema.types';
import type { DataStore } from '../store/store.types';

/**
 * Paths from a record through its lookups to a column: `Status/Name` in a filter, `Case.Status.Name`
 * in a parameter reference. Planned once against the schema (so a process can be checked before it
 * is saved), then read against the store at run time.
 */
export interface PathPlan {
  /** Entity the path starts from. */
  readonly entity: string;
  /** Lookup columns followed in order, each to the record it points at. */
  readonly hops: readonly ColumnDef[];
  /** The column read at the end of the path. */
  readonly column: ColumnDef;
}

export type PlanResult = { ok: true; plan: PathPlan } | { ok: false; message: string };

/**
 * Plans `segments` from `entity`: each segment but the last is a navigation property (`Status`) or a
 * lookup column (`StatusId`); the last is a column (`Name`, `StatusId`) or a navigation property,
 * which then reads the linked record's Id.
 */
export function planPath(model: SchemaModel, entity: string, segments: readonly string[]): PlanResult {
  let current = entity;
  const hops: ColumnDef[] = [];
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i]!;
    const last = i === segments.length - 1;
    const column = model.column(current, name);
    if (column && last) return { ok: true, plan: { entity, hops, column } };
    const lookup = model.navigation(current, name) ?? (column?.lookup ? column : undefined);
    if (!lookup?.lookup) {
      return { ok: false, message: `${current} has no ${last ? 'column' : 'lookup'} '${name}'` };
    }
    hops.push(lookup);
    current = lookup.lookup.entity;
    if (last) {
      const id = model.column(current, 'Id');
      if (!id) return { ok: false, message: `${current} has no Id column` };
      return { ok: true, plan: { entity, hops, column: id } };
    }
  }
  return { ok: false, message: 'empty path' };
}

/** What reading a path needs from the store: its tables. */
export type RecordSource = Pick<DataStore, 'table'>;

export type ReadResult = { ok: true; value: string | number | boolean } | { ok: false; message: string };

/** Reads a planned path from `record`; an empty lookup or a missing linked record is a failure. */
export function readPath(store: RecordSource, plan: PathPlan, record: EntityRecord): ReadResult {
  let current = record;
  let entity = plan.entity;
  for (const hop of plan.hops) {
    const id = current[hop.name];
    if (typeof id !== 'string' || id === EMPTY_GUID || id === '') {
      return { ok: false, message: `${entity}.${hop.name} is empty` };
    }
    const target = hop.lookup!.entity;
    const linked = store.table(target)?.get(id);
    if (!linked) return { ok: false, message: `${target} ${id} (from ${entity}.${hop.name}) does not exist` };
    current = linked;
    entity = target;
  }
  const value = current[plan.column.name];
  if (value === undefined) return { ok: false, message: `${entity}.${plan.column.name} has no value` };
  return { ok: true, value };
}

/** Creatio's "empty" for a stored value: empty GUID, empty date, empty text. */
export function isEmptyValue(value: string | number | boolean | undefined): boolean {
  return value === undefined || value === '' || value === EMPTY_GUID || value === EMPTY_DATE;
}
