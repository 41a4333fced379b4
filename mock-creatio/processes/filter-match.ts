import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { Condition, FilterGroup } from './process.schema';
import { isGroup } from './process.schema';
import { isEmptyValue, planPath, readPath } from './record-path';
import type { RecordSource } from './record-path';

export interface FilterContext {
  model: SchemaModel;
  /** Used to follow lookups (`Status/Name`); without it only the record's own columns can be read. */
  store?: RecordSource;
  entity: string;
}

type Value = string | number | boolean | undefined;

/** Whether `record` passes the signal's filter (no filter, or an empty group, passes everything). */
export function matchesFilter(group: FilterGroup | undefined, record: EntityRecord, ctx: FilterContext): boolean {
  if (!group || group.conditions.length === 0) return true;
  const test = (item: Condition | FilterGroup) => (isGroup(item) ? matchesFilter(item, record, ctx) : matchesCondition(item, record, ctx));
  return group.logic === 'and' ? group.conditions.every(test) : group.conditions.some(test);
}

/**
 * One condition. A path that cannot be read (empty lookup, missing linked record) reads as empty:
 * it passes `empty` and `ne`, fails `eq` and `contains`. Text compares case-insensitively, as
 * Creatio's filters do on its default (case-insensitive) database collation; GUIDs compare in
 * canonical lowercase.
 */
export function matchesCondition(condition: Condition, record: EntityRecord, ctx: FilterContext): boolean {
  const actual = readColumn(condition.column, record, ctx);
  switch (condition.op) {
    case 'empty':
      return isEmptyValue(actual);
    case 'notEmpty':
      return !isEmptyValue(actual);
    case 'eq':
      return equals(actual, condition.value);
    case 'ne':
      return !equals(actual, condition.value);
    case 'contains':
      return typeof actual === 'string' && actual.toLowerCase().includes(String(condition.value ?? '').toLowerCase());
  }
}

function readColumn(column: string, record: EntityRecord, ctx: FilterContext): Value {
  const segments = column.split('/');
  if (segments.length === 1) return record[column];
  const planned = planPath(ctx.model, ctx.entity, segments);
  if (!planned.ok || !ctx.store) return undefined;
  const read = readPath(ctx.store, planned.plan, record);
  return read.ok ? read.value : undefined;
}

function equals(actual: Value, expected: Value): boolean {
  if (actual === undefined || expected === undefined) return isEmptyValue(actual) && isEmptyValue(expected);
  if (typeof actual === 'number') return actual === Number(expected);
  if (typeof actual === 'boolean') return actual === (expected === true || expected === 'true');
  return actual.toLowerCase() === String(expected).toLowerCase();
}
