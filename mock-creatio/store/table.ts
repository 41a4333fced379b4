import type { EntityDef, EntityRecord } from '../schema/schema.types';
import type { Table } from './store.types';

type IndexValue = string | number | boolean;

/**
 * One value's entry in a column index. Ids are kept in a Set (O(1) add/remove); the Set's order
 * drifts from the table's order only when a record moves into the bucket by an update, so the
 * bucket remembers that and re-sorts by insertion ordinal on the next lookup.
 */
interface Bucket {
  ids: Set<string>;
  maxOrdinal: number;
  sorted: boolean;
  /** The materialised answer of the last lookup; dropped on any change to the bucket. */
  cache: EntityRecord[] | null;
}

/**
 * An entity's records in memory: a Map by Id (a JS Map keeps insertion order, and `set` on an
 * existing key keeps the key's position, which is exactly "an update replaces in place").
 * Mutators are for the store only; everyone else sees the read-only `Table` face.
 */
export class MemoryTable implements Table {
  private records = new Map<string, EntityRecord>();
  /** Insertion ordinal per id, so index buckets can be put back in table order cheaply. */
  private ordinals = new Map<string, number>();
  private nextOrdinal = 0;
  private indexes = new Map<string, Map<IndexValue, Bucket>>();

  constructor(readonly entity: EntityDef) {}

  get size(): number {
    return this.records.size;
  }

  get(id: string): EntityRecord | undefined {
    return this.records.get(id);
  }

  all(): Iterable<EntityRecord> {
    return this.records.values();
  }

  /** A copy of the record references in order: what compaction and snapshots serialise. */
  snapshot(): EntityRecord[] {
    return Array.from(this.records.values());
  }

  lookup(column: string, value: IndexValue): readonly EntityRecord[] {
    const bucket = this.index(column).get(value);
    if (!bucket) return [];
    if (bucket.cache) return bucket.cache;
    if (!bucket.sorted) {
      const ordered = [...bucket.ids].sort((a, b) => this.ordinal(a) - this.ordinal(b));
      bucket.ids = new Set(ordered);
      bucket.sorted = true;
    }
    const out: EntityRecord[] = [];
    for (const id of bucket.ids) {
      const record = this.records.get(id);
      if (record) out.push(record);
    }
    bucket.cache = out;
    return out;
  }

  /** Inserts or replaces (in place) a record; returns the record it replaced. */
  put(record: EntityRecord): EntityRecord | undefined {
    const id = record.Id as string;
    const before = this.records.get(id);
    this.records.set(id, record);
    if (!before) this.ordinals.set(id, this.nextOrdinal++);
    for (const [column, index] of this.indexes) {
      if (before && before[column] === record[column]) {
        // Same value: the id keeps its place in the bucket; only the cached answer is stale.
        const bucket = record[column] === undefined ? undefined : index.get(record[column]);
        if (bucket) bucket.cache = null;
        continue;
      }
      if (before) this.unindex(index, before[column], id);
      this.addToIndex(index, record[column], id);
    }
    return before;
  }

  /** Removes a record; returns it, or undefined when there was none. */
  remove(id: string): EntityRecord | undefined {
    const before = this.records.get(id);
    if (!before) return undefined;
    this.records.delete(id);
    this.ordinals.delete(id);
    for (const [column, index] of this.indexes) this.unindex(index, before[column], id);
    return before;
  }

  /** Replaces every record (load, reset, restore); indexes are rebuilt lazily. */
  replaceAll(records: Iterable<EntityRecord>): void {
    this.records.clear();
    this.ordinals.clear();
    this.indexes.clear();
    this.nextOrdinal = 0;
    for (const record of records) this.put(record);
  }

  /** `replaceAll` for large loads at open: freezes and inserts in slices, yielding to the event loop. */
  async load(records: readonly EntityRecord[]): Promise<void> {
    this.replaceAll([]);
    for (let i = 0; i < records.length; i++) {
      if (i % 10_000 === 9_999) await new Promise<void>((resolve) => setImmediate(resolve));
      this.put(Object.freeze(records[i] as EntityRecord));
    }
  }

  /**
   * Takes over another table's content in O(1): reset and restore build the new data aside
   * (without blocking the event loop), then swap it in within one synchronous step.
   */
  adopt(other: MemoryTable): void {
    this.records = other.records;
    this.ordinals = other.ordinals;
    this.nextOrdinal = other.nextOrdinal;
    this.indexes = other.indexes;
  }

  private ordinal(id: string): number {
    return this.ordinals.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  private index(column: string): Map<IndexValue, Bucket> {
    let index = this.indexes.get(column);
    if (index) return index;
    index = new Map();
    for (const [id, record] of this.records) this.addToIndex(index, record[column], id);
    this.indexes.set(column, index);
    return index;
  }

  private addToIndex(index: Map<IndexValue, Bucket>, value: IndexValue | undefined, id: string): void {
    if (value === undefined) return;
    let bucket = index.get(value);
    if (!bucket) {
      bucket = { ids: new Set(), maxOrdinal: -1, sorted: true, cache: null };
      index.set(value, bucket);
    }
    const ord = this.ordinal(id);
    if (ord < bucket.maxOrdinal) bucket.sorted = false;
    else bucket.maxOrdinal = ord;
    bucket.ids.add(id);
    bucket.cache = null;
  }

  private unindex(index: Map<IndexValue, Bucket>, value: IndexValue | undefined, id: string): void {
    if (value === undefined) return;
    const bucket = index.get(value);
    if (!bucket) return;
    bucket.cache = null;
    bucket.ids.delete(id);
    if (bucket.ids.size === 0) index.delete(value);
  }
}
