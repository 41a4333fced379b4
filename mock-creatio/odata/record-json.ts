import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { Table } from '../store/store.types';
import type { QueryOptions } from './query.types';
import { serializeRecord } from './serialize';

/**
 * JSON text of whole records (every column, no `$select` / `$expand`), cached per record. The store's
 * records are frozen and an update replaces the object (store/apply-changes.ts), so an entry whose
 * record is not the one asked for is stale and is made again. GET by key and the filtered list then
 * splice cached text instead of building and stringifying an object per row: that work was most of
 * their CPU. The bytes are exactly `JSON.stringify` of the object form.
 *
 * Per table, a Map by Id, not a WeakMap by record: V8 treats every WeakMap entry as an ephemeron in a
 * full collection, and 100,000 of them made its pause about 120 ms (the bench's sustained POST run;
 * about 40 ms with these Maps). The Maps hang off their Table (a WeakMap of a few tables), so a closed
 * site's texts go with it; entries of deleted records stay until the Map outgrows its table twice over.
 *
 * The text is kept as UTF-8 bytes in a Buffer, outside V8's heap: as strings, 100,000 texts (~160 MB)
 * were half the heap, and the collector's full pauses under a sustained write load grew to ~90 ms
 * (bare Express, holding the same rows: ~20 ms). Off the heap they cost it nothing to mark or move;
 * decoding 1.6 KB back to a string per use is a microsecond or two, far less than serialising again.
 */
interface Entry {
  record: EntityRecord;
  bytes: Buffer;
  /** The text as a string too, while the entry is among the most recently used (recordJsonCache.hotTexts). */
  text?: string;
}
const caches = new WeakMap<Table, Map<string, Entry>>();

/** Entries per table that also keep their string (the hottest records skip even the decoding); a setting for tests. */
export const recordJsonCache = { hotTexts: 2_000 };
/** Per table, the entries holding a string, least recently used first. */
const hotEntries = new WeakMap<Table, Map<string, Entry>>();

function keepHot(table: Table, id: string, entry: Entry, text: string): string {
  let hot = hotEntries.get(table);
  if (!hot) hotEntries.set(table, (hot = new Map()));
  hot.delete(id);
  hot.set(id, entry);
  entry.text = text;
  while (hot.size > recordJsonCache.hotTexts) {
    const [oldestId, oldest] = hot.entries().next().value as [string, Entry];
    hot.delete(oldestId);
    oldest.text = undefined;
  }
  return text;
}

type TableOf = (entity: string) => Table | undefined;

/** Whether an answer can be spliced from whole-record texts (no `$select` / `$expand`). */
export function wholeRecords(query: Pick<QueryOptions, 'select' | 'expand'>): boolean {
  return query.select === undefined && query.expand === undefined;
}

/** `JSON.stringify(serializeRecord(...))` for a whole record; cached when the record is frozen (stored). */
export function recordJson(model: SchemaModel, tableOf: TableOf, entity: string, record: EntityRecord): string {
  const table = tableOf(entity);
  const id = String(record.Id);
  const hit = table ? cachedEntry(table, id, record) : undefined;
  if (table && hit) return keepHot(table, id, hit, hit.text ?? hit.bytes.toString('utf8'));
  const text = JSON.stringify(serializeRecord(model, tableOf, entity, record, {}));
  const entry = table ? remember(table, id, record, Buffer.from(text, 'utf8')) : undefined;
  return table && entry ? keepHot(table, id, entry, text) : text;
}

/** The same text as UTF-8 bytes, for answers written as bytes (the list): a cached record is never decoded. */
export function recordJsonBytes(model: SchemaModel, tableOf: TableOf, entity: string, record: EntityRecord): Buffer {
  const table = tableOf(entity);
  const id = String(record.Id);
  const hit = table ? cachedEntry(table, id, record) : undefined;
  if (hit) return hit.bytes;
  const bytes = Buffer.from(JSON.stringify(serializeRecord(model, tableOf, entity, record, {})), 'utf8');
  if (table) remember(table, id, record, bytes);
  return bytes;
}

function cachedEntry(table: Table, id: string, record: EntityRecord): Entry | undefined {
  const hit = caches.get(table)?.get(id);
  return hit !== undefined && hit.record === record ? hit : undefined;
}

/** Caches a stored (frozen) record's bytes; a record that is not frozen may still change, so it is not kept. */
function remember(table: Table, id: string, record: EntityRecord, bytes: Buffer): Entry | undefined {
  if (!Object.isFrozen(record)) return undefined;
  let map = caches.get(table);
  if (!map || map.size > table.size * 2 + 1_000) caches.set(table, (map = new Map()));
  const entry: Entry = { record, bytes };
  map.set(id, entry);
  return entry;
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

const COMMA = Buffer.from(',');
const VALUE_END = Buffer.from(']}');

/**
 * `JSON.stringify({ ...annotations, value: [records] })` as UTF-8 pieces: the records' cached bytes
 * themselves, with the commas between them. Written as they are (Node gathers one tick's writes into
 * one `writev`), a list answer allocates next to nothing on V8's heap: built as strings, the ~165 KB
 * answer of 100 activities was decoded, joined and encoded again on every request, and the young
 * collections that garbage caused (one every ~20 lists, ~3 ms each) were the list's p99.
 */
export function collectionJsonBytes(annotations: Record<string, unknown>, records: readonly Buffer[]): Buffer[] {
  const head = JSON.stringify(annotations);
  const pieces: Buffer[] = [Buffer.from(head === '{}' ? '{"value":[' : `${head.slice(0, -1)},"value":[`, 'utf8')];
  records.forEach((bytes, index) => {
    if (index > 0) pieces.push(COMMA);
    pieces.push(bytes);
  });
  pieces.push(VALUE_END);
  return pieces;
}
