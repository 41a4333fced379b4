import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { Table } from '../store/store.types';
import type { QueryOptions } from './query.types';
import { serializeRecord } from './serialize';

/**
 * JSON text of whole records (every column, no `$select` / `$expand`), cached per record. The store's
 * records are frozen and an update replaces the object (store/apply-changes.ts), so a record's text
 * never goes stale, and a WeakMap entry goes away with the record it describes. GET by key and the
 * filtered list then splice cached text instead of building and stringifying an object per row:
 * that work was most of their CPU. The bytes are exactly `JSON.stringify` of the object form.
 */
const cache = new WeakMap<EntityRecord, string>();

type TableOf = (entity: string) => Table | undefined;

/** Whether an answer can be spliced from whole-record texts (no `$select` / `$expand`). */
export function wholeRecords(query: Pick<QueryOptions, 'select' | 'expand'>): boolean {
  return query.select === undefined && query.expand === undefined;
}

/** `JSON.stringify(serializeRecord(...))` for a whole record; cached when the record is frozen (stored). */
export function recordJson(model: SchemaModel, tableOf: TableOf, entity: string, record: EntityRecord): string {
  const hit = cache.get(record);
  if (hit !== undefined) return hit;
  const text = JSON.stringify(serializeRecord(model, tableOf, entity, record, {}));
  if (Object.isFrozen(record)) cache.set(record, text);
  return text;
}

/**
 * `JSON.stringify({ ...annotations, ...record })` from the record's cached text: the annotations
 * (`@odata.context`...) come first, as in the object form.
 */
export function entityJson(annotations: Record<string, unknown>, recordText: string): string {
  const head = JSON.stringify(annotations);
  if (recordText === '{}') return head;
  if (head === '{}') return recordText;
  return `${head.slice(0, -1)},${recordText.slice(1)}`;
}

/** `JSON.stringify({ ...annotations, value: [records] })` from the records' cached texts. */
export function collectionJson(annotations: Record<string, unknown>, recordTexts: readonly string[]): string {
  const head = JSON.stringify(annotations);
  const value = `"value":[${recordTexts.join(',')}]}`;
  return head === '{}' ? `{${value}` : `${head.slice(0, -1)},${value}`;
}
