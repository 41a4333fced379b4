import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { EntityDef, EntityRecord } from '../schema/schema.types';
import { isMissing, parseJsonText, writeFileAtomic, type Durability } from './fs-util';
import { StoreError } from './store.types';

/**
 * One entity's records as a pretty-printed JSON array (`<dir>/<Entity>.json`): keys in the entity's
 * column order, 2-space indent, records in insertion order, so a workspace diffs well in git. The
 * text is byte-for-byte `JSON.stringify(records, null, 2)` of the reordered records, plus a newline.
 */

/**
 * Work per slice before yielding to the event loop (the budget is "never block > 50 ms"), and the
 * most text per slice: a slice's text stays a young-generation string (V8 puts strings past ~128 KB
 * in large-object space, which only a full mark-compact frees) and is written through one reused
 * buffer (fs-util.ts), so rewriting a 200 MB file does not drive full collections on the main thread.
 */
const SLICE_MS = 3;
const SLICE_CHARS = 48 * 1024;

/** Serialises one record at array depth (4-space keys), keys in column order, extras after. */
export function serializeRecord(record: EntityRecord, columns: readonly string[]): string {
  return serializeWith(record, columns.map((name) => `    ${JSON.stringify(name)}: `), columns);
}

function serializeWith(record: EntityRecord, prefixes: readonly string[], columns: readonly string[]): string {
  let out = '';
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    const value = record[columns[i] as string];
    if (value === undefined) continue;
    out += `${count === 0 ? '' : ',\n'}${prefixes[i] as string}${JSON.stringify(value)}`;
    count++;
  }
  if (count !== Object.keys(record).length) {
    // Properties the model does not know (an older or newer workspace): keep them, after the known ones.
    const known = new Set(columns);
    for (const [name, value] of Object.entries(record)) {
      if (known.has(name)) continue;
      out += `${count === 0 ? '' : ',\n'}    ${JSON.stringify(name)}: ${JSON.stringify(value)}`;
      count++;
    }
  }
  return count === 0 ? '  {}' : `  {\n${out}\n  }`;
}

/** Yields the file text in slices of at most SLICE_MS of work or SLICE_CHARS, with a `setImmediate` turn between them. */
export async function* entityFileChunks(
  records: readonly EntityRecord[],
  entity: EntityDef,
  onSlice?: (ms: number) => void,
): AsyncGenerator<string> {
  if (records.length === 0) {
    yield '[]\n';
    return;
  }
  const columns = entity.columns.map((c) => c.name);
  const prefixes = columns.map((name) => `    ${JSON.stringify(name)}: `);
  let i = 0;
  while (i < records.length) {
    const started = performance.now();
    let text = i === 0 ? '[\n' : ',\n';
    let first = true;
    do {
      for (const end = Math.min(records.length, i + 8); i < end && text.length < SLICE_CHARS; i++) {
        text += (first ? '' : ',\n') + serializeWith(records[i] as EntityRecord, prefixes, columns);
        first = false;
      }
    } while (i < records.length && text.length < SLICE_CHARS && performance.now() - started < SLICE_MS);
    onSlice?.(performance.now() - started);
    yield i === records.length ? `${text}\n]\n` : text;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Writes an entity file atomically, incrementally. `onSlice`: told how long each slice of
 * serialisation held the event loop (store/step-timer.ts).
 */
export function writeEntityFile(
  file: string,
  records: readonly EntityRecord[],
  entity: EntityDef,
  durability: Durability,
  onSlice?: (ms: number) => void,
): Promise<void> {
  return writeFileAtomic(file, entityFileChunks(records, entity, onSlice), durability);
}

/**
 * Reads an entity file; undefined when it does not exist. A file that is not a JSON array of
 * objects with a unique string `Id` is CORRUPT_WORKSPACE, naming the file (and line for syntax).
 */
export async function readEntityFile(file: string): Promise<EntityRecord[] | undefined> {
  let data: unknown[] | undefined;
  try {
    data = await readCanonical(file);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  if (!data) {
    // Not in the layout this module writes (hand-edited?): parse it whole, with line-numbered errors.
    const parsed = parseJsonText(await readFile(file, 'utf8'), file);
    if (!Array.isArray(parsed)) {
      throw new StoreError('CORRUPT_WORKSPACE', `${file}: expected a JSON array of records`);
    }
    data = parsed;
  }
  await checkRecords(data, file);
  return data as EntityRecord[];
}

/** Between two records of a file this module wrote; cannot occur inside a JSON string (no raw newlines). */
const SEPARATOR = '\n  },\n  {\n';

/**
 * Streams a file in the layout `entityFileChunks` writes, parsing about a megabyte of records at a
 * time, so loading 100,000 records never blocks the event loop for long (a single JSON.parse of a
 * 200 MB file takes about a second). Returns undefined when the file is not in that layout.
 */
async function readCanonical(file: string): Promise<unknown[] | undefined> {
  const records: unknown[] = [];
  let pending = '';
  let started = false;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      pending += chunk;
      if (!started) {
        if (pending.length < 6) continue;
        if (!pending.startsWith('[\n  {\n')) return undefined;
        pending = pending.slice(2);
        started = true;
      }
      const cut = pending.lastIndexOf(SEPARATOR);
      if (cut === -1) continue;
      const parsed = tryParse(`[${pending.slice(0, cut + 4)}]`);
      if (!parsed) return undefined;
      for (const record of parsed) records.push(record);
      pending = pending.slice(cut + 6);
    }
  } finally {
    stream.destroy();
  }
  if (!started) return undefined;
  const last = tryParse(`[${pending}`);
  if (!last) return undefined;
  for (const record of last) records.push(record);
  return records;
}

function tryParse(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function checkRecords(data: readonly unknown[], file: string): Promise<void> {
  const seen = new Set<string>();
  for (let i = 0; i < data.length; i++) {
    if (i % 10_000 === 9_999) await new Promise<void>((resolve) => setImmediate(resolve));
    const record = data[i];
    const id = isRecord(record) ? record.Id : undefined;
    if (typeof id !== 'string') {
      throw new StoreError('CORRUPT_WORKSPACE', `${file}: record #${i + 1} is not an object with a string Id`);
    }
    if (seen.has(id)) throw new StoreError('CORRUPT_WORKSPACE', `${file}: record #${i + 1} repeats Id ${id}`);
    seen.add(id);
  }
}

export function isRecord(value: unknown): value is EntityRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const v of Object.values(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
  }
  return true;
}
