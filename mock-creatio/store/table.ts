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

/** How many Maps the id → position lookup is spread over (a power of two; see `positionsOf`). */
const SHARDS = 16;
/** Holes left by deletes are squeezed out once there are this many and they are half of `order`. */
const HOLES_KEPT = 4096;

/**
 * An entity's records in memory, in table order: `order` holds them by insertion (an update
 * replaces in place, a delete leaves a hole), and a record's position there is its ordinal.
 * Id → position is spread over 16 Maps. A JS Map grows by copying every entry into a table twice
 * the size, in one go: one Map of 131,072 ids took 6–12 ms to grow here, and the id and ordinal
 * Maps this class used to have grew on the same insert (35–53 ms on the event loop, with the page
 * faults of the new tables, in the bench's sustained POST). Sixteen Maps grow a sixteenth at a time.
 * Mutators are for the store only; everyone else sees the read-only `Table` face.
 */
export class MemoryTable implements Table {
  private order: (EntityRecord | undefined)[] = [];
  private positions: Map<string, number>[] = newShards();
  private holes = 0;
  private indexes = new Map<string, Map<IndexValue, Bucket>>();

  constructor(readonly entity: EntityDef) {}

  get size(): number {
    return this.order.length - this.holes;
  }

  get(id: string): EntityRecord | undefined {
    const at = this.positionsOf(id).get(id);
    return at === undefined ? undefined : this.order[at];
  }

  all(): Iterable<EntityRecord> {
    return this.holes === 0 ? (this.order as readonly EntityRecord[]) : this.order.filter(isRecord);
  }

  /** A copy of the record references in order: what compaction and snapshots serialise. */
  snapshot(): EntityRecord[] {
    return this.holes === 0 ? (this.order.slice() as EntityRecord[]) : this.order.filter(isRecord);
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
      const record = this.get(id);
      if (record) out.push(record);
    }
    bucket.cache = out;
    return out;
  }

  /** Inserts or replaces (in place) a record; returns the record it replaced. */
  put(record: EntityRecord): EntityRecord | undefined {
    const id = record.Id as string;
    const positions = this.positionsOf(id);
    const at = positions.get(id);
    const before = at === undefined ? undefined : this.order[at];
    if (at === undefined) positions.set(id, this.order.push(record) - 1);
    else this.order[at] = record;
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
    const positions = this.positionsOf(id);
    const at = positions.get(id);
    if (at === undefined) return undefined;
    const before = this.order[at] as EntityRecord;
    positions.delete(id);
    this.order[at] = undefined;
    this.holes += 1;
    for (const [column, index] of this.indexes) this.unindex(index, before[column], id);
    if (this.holes >= HOLES_KEPT && this.holes * 2 >= this.order.length) this.squeeze();
    return before;
  }

  /** Replaces every record (load, reset, restore); indexes are rebuilt lazily. */
  replaceAll(records: Iterable<EntityRecord>): void {
    this.clear();
    for (const record of records) this.put(record);
  }

  /** `replaceAll` for large loads at open: freezes and inserts in slices, yielding to the event loop. */
  async load(records: readonly EntityRecord[]): Promise<void> {
    this.clear();
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
    this.order = other.order;
    this.positions = other.positions;
    this.holes = other.holes;
    this.indexes = other.indexes;
  }

  private clear(): void {
    this.order = [];
    this.positions = newShards();
    this.holes = 0;
    this.indexes.clear();
  }

  /** Closes the holes deletes left: positions are renumbered in table order, and so are the buckets' marks. */
  private squeeze(): void {
    const order = this.order.filter(isRecord);
    this.order = order;
    this.holes = 0;
    order.forEach((record, at) => {
      const id = record.Id as string;
      this.positionsOf(id).set(id, at);
    });
    for (const index of this.indexes.values()) {
      for (const bucket of index.values()) {
        bucket.maxOrdinal = -1;
        for (const id of bucket.ids) bucket.maxOrdinal = Math.max(bucket.maxOrdinal, this.ordinal(id));
      }
    }
  }

  private positionsOf(id: string): Map<string, number> {
    // the last two characters: random hex in a GUID, the counting digits in a sequential id
    return this.positions[(id.charCodeAt(id.length - 1) + id.charCodeAt(id.length - 2) * 3) & (SHARDS - 1)] as Map<string, number>;
  }

  private ordinal(id: string): number {
    return this.positionsOf(id).get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  private index(column: string): Map<IndexValue, Bucket> {
    let index = this.indexes.get(column);
    if (index) return index;
    index = new Map();
    for (const record of this.order) if (record) this.addToIndex(index, record[column], record.Id as string);
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

function newShards(): Map<string, number>[] {
  return Array.from({ length: SHARDS }, () => new Map<string, number>());
}

function isRecord(record: EntityRecord | undefined): record is EntityRecord {
  return record !== undefined;
}
