import type { EntityDef, EntityRecord } from '../schema/schema.types';

/**
 * The simulator's data store: every entity's records in memory (the query path never touches the
 * disk), persisted to the workspace folder. Records are immutable: an update replaces the object, so
 * a reader holding a record never sees it change and persistence can snapshot by reference.
 */

/** Read access to one entity's records. */
export interface Table {
  readonly entity: EntityDef;
  readonly size: number;
  get(id: string): EntityRecord | undefined;
  /** Every record, in insertion order. */
  all(): Iterable<EntityRecord>;
  /**
   * Records whose `column` equals `value` (canonical form), from a hash index built on first use and
   * maintained on every write. Insertion order.
   */
  lookup(column: string, value: string | number | boolean): readonly EntityRecord[];
}

/** One change of a commit. `before`/`after` are the full records (undefined for insert/delete). */
export type RecordChange =
  | { kind: 'insert'; entity: string; id: string; after: EntityRecord }
  | { kind: 'update'; entity: string; id: string; before: EntityRecord; after: EntityRecord }
  | { kind: 'delete'; entity: string; id: string; before: EntityRecord };

/** A write as requested: the store fills `before` itself. */
export type ChangeRequest =
  | { kind: 'insert'; entity: string; record: EntityRecord }
  | { kind: 'update'; entity: string; record: EntityRecord }
  | { kind: 'delete'; entity: string; id: string };

export interface CommitListener {
  (changes: readonly RecordChange[], sequence: number): void;
}

export interface DataStore {
  table(entity: string): Table | undefined;
  /**
   * Applies the changes atomically in memory (all or nothing: throws before touching anything if
   * an insert's id exists or an update/delete's id is missing), then resolves once they are durable
   * in the workspace. Listeners are called after durability, in commit order.
   */
  commit(changes: readonly ChangeRequest[]): Promise<readonly RecordChange[]>;
  /**
   * The same as `commit`, split in two: applies the changes in memory now (throwing, before touching
   * anything, where `commit` would reject) and hands back the promise of their durability. A `$batch`
   * applies its parts one after another and waits for all of them to be durable once, before it
   * answers: the write-ahead log then flushes them together instead of once per part.
   */
  apply(changes: readonly ChangeRequest[]): { changes: readonly RecordChange[]; durable: Promise<void> };
  /**
   * The longest stretch of synchronous work persistence has done on the event loop since the store
   * opened or the last reset (applying a commit, building a log append, a compaction slice), in ms,
   * with the garbage-collection pauses that struck inside it taken off; and the same step's wall time
   * (store/step-timer.ts).
   */
  persistenceStats(): { longestStepMs: number; longestStepWithPausesMs: number };
  resetPersistenceStats(): void;
  /** Called after each durable commit, in commit order (business processes hook here, issue 4). */
  onCommit(listener: CommitListener): () => void;
  /** Replaces all data with the seed (and persists that). */
  reset(): Promise<void>;
  /** Saves the current data under a name in the workspace. */
  saveSnapshot(name: string): Promise<{ name: string; createdOn: string; records: number }>;
  /** Replaces all data with the named snapshot; throws StoreError NOT_FOUND when there is none. */
  restoreSnapshot(name: string): Promise<void>;
  listSnapshots(): Promise<{ name: string; createdOn: string; records: number }[]>;
  /** Flushes pending writes and compacts the write-ahead log into the data files. */
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'DUPLICATE_KEY' | 'NOT_FOUND' | 'UNKNOWN_ENTITY' | 'BAD_SNAPSHOT_NAME' | 'CORRUPT_WORKSPACE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
