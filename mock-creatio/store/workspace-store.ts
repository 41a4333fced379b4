import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaModel } from '../schema/model';
import type { EntityDef, EntityRecord } from '../schema/schema.types';
import { writeEntityFile } from './entity-file';
import type { Durability } from './fs-util';
import { FORMAT_VERSION, writeManifest } from './manifest';
import { checkSnapshotName, listSnapshotMetas, readSnapshotData, SEED_SNAPSHOT, writeSnapshot } from './snapshots';
import { applyChanges } from './apply-changes';
import type { ChangeRequest, CommitListener, DataStore, RecordChange, Table } from './store.types';
import type { MemoryTable } from './table';
import { StepTimer } from './step-timer';
import { WalWriter } from './wal-writer';
import { adoptTables, buildTables, entityFilePath, loadWorkspace, snapshotsDir } from './workspace-loader';

export interface DataStoreOptions {
  /** The workspace's Creatio data folder; created (with parents) when missing. */
  dir: string;
  model: SchemaModel;
  /** The initial data, by entity name (called on first open, on reset, and for entities with no data file). */
  seed: () => Record<string, EntityRecord[]>;
  /** 'fsync' (default): a commit resolves once on disk. 'none': once handed to the OS (tests, demos). */
  durability?: Durability;
  /** Compact (rewrite the data files, start a new log) when the log passes this many bytes, or 512 bytes per stored record if more. Default 4 MB. */
  compactAfterBytes?: number;
  /** ... or this many commits, or half the stored records if more. Default 5,000. */
  compactAfterCommits?: number;
  /** Clock for snapshot timestamps. */
  now?: () => Date;
  /** A commit listener threw: the store carries on and reports it here. */
  onListenerError?: (error: unknown, sequence: number) => void;
  /** A background compaction failed (nothing is lost: the log still holds every commit). */
  onBackgroundError?: (error: unknown) => void;
}

/** Opens (seeding on first use) the durable data store of a workspace. */
export async function openDataStore(options: DataStoreOptions): Promise<DataStore> {
  return DurableDataStore.open(options);
}

/**
 * The store: tables in memory, an append-only write-ahead log for durability (one line per commit,
 * group-committed), and compaction that rewrites only the changed entity files in the background.
 * Unlike lowdb/json-server, a write never rewrites a data file, and concurrent writes are never lost
 * (reference/peers.md §3).
 */
export class DurableDataStore implements DataStore {
  private readonly listeners = new Set<CommitListener>();
  private closing: Promise<void> | null = null;
  private compactionRunning: Promise<void> | null = null;
  private compactionQueued: Promise<void> | null = null;
  private exclusiveChain: Promise<unknown> = Promise.resolve();
  private abandoned = false;

  private constructor(
    private readonly options: Required<Pick<DataStoreOptions, 'durability' | 'compactAfterBytes' | 'compactAfterCommits'>> &
      DataStoreOptions,
    private readonly tables: Map<string, MemoryTable>,
    private sequence: number,
    private readonly dirty: Set<string>,
    private readonly wal: WalWriter,
    private readonly steps: StepTimer,
  ) {}

  static async open(input: DataStoreOptions): Promise<DurableDataStore> {
    const options = { durability: 'fsync' as const, compactAfterBytes: 4 * 1024 * 1024, compactAfterCommits: 5000, ...input };
    const loaded = await loadWorkspace(options);
    const steps = new StepTimer();
    const wal = await WalWriter.open(options.dir, options.durability, loaded.active, steps);
    const store = new DurableDataStore(options, loaded.tables, loaded.sequence, loaded.dirty, wal, steps);
    store.maybeCompact();
    return store;
  }

  table(entity: string): Table | undefined {
    return this.tables.get(entity);
  }

  commit(changes: readonly ChangeRequest[]): Promise<readonly RecordChange[]> {
    let applied: ReturnType<DurableDataStore['apply']>;
    try {
      applied = this.apply(changes);
    } catch (err) {
      return Promise.reject(err);
    }
    return applied.durable.then(() => applied.changes);
  }

  apply(changes: readonly ChangeRequest[]): { changes: readonly RecordChange[]; durable: Promise<void> } {
    if (this.closing) throw new Error('The data store is closed');
    const { applied, seq, line } = this.steps.time(() => {
      const applied = applyChanges(this.tables, changes);
      if (applied.length === 0) return { applied, seq: 0, line: '' };
      const seq = ++this.sequence;
      for (const change of applied) this.dirty.add(change.entity);
      return { applied, seq, line: JSON.stringify({ seq, changes: applied.map(toWalChange) }) };
    });
    if (applied.length === 0) return { changes: applied, durable: Promise.resolve() };
    return { changes: applied, durable: this.wal.append(seq, line, () => this.afterDurable(applied, seq)) };
  }

  persistenceStats(): { longestStepMs: number; longestStepWithPausesMs: number } {
    return { longestStepMs: this.steps.longestMs, longestStepWithPausesMs: this.steps.longestWithPausesMs };
  }

  resetPersistenceStats(): void {
    this.steps.reset();
  }

  onCommit(listener: CommitListener): () => void {
    // Wrapped so that subscribing the same function twice still gives two independent subscriptions.
    const wrapped: CommitListener = (changes, seq) => listener(changes, seq);
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  reset(): Promise<void> {
    return this.exclusive(async () => {
      // The seed goes to a hidden snapshot first (written in slices, never blocking the event loop)
      // so that the log line can name it instead of carrying all the data.
      const fresh = await buildTables(this.tables, new Map(Object.entries(this.options.seed())));
      const data = new Map([...fresh.values()].map((t) => [t.entity, t.snapshot()] as const));
      const records = [...data.values()].reduce((sum, rows) => sum + rows.length, 0);
      const meta = { name: SEED_SNAPSHOT, createdOn: this.nowIso(), records, sequence: this.sequence };
      await writeSnapshot(snapshotsDir(this.options.dir), meta, data, this.options.durability);
      // Swap and log in one synchronous step: every commit is wholly before or after the reset.
      adoptTables(this.tables, fresh);
      await this.logWholeStoreChange(SEED_SNAPSHOT);
    });
  }

  saveSnapshot(name: string): Promise<{ name: string; createdOn: string; records: number }> {
    return this.exclusive(async () => {
      checkSnapshotName(name);
      // Taken in one synchronous step, so concurrent commits are either wholly in or wholly out.
      const sequence = this.sequence;
      const data = new Map<EntityDef, EntityRecord[]>();
      let records = 0;
      for (const table of this.tables.values()) {
        const rows = table.snapshot();
        data.set(table.entity, rows);
        records += rows.length;
      }
      await this.wal.barrier(); // never save a state that includes commits not yet durable
      const createdOn = this.nowIso();
      await writeSnapshot(snapshotsDir(this.options.dir), { name, createdOn, records, sequence }, data, this.options.durability);
      return { name, createdOn, records };
    });
  }

  restoreSnapshot(name: string): Promise<void> {
    return this.exclusive(async () => {
      checkSnapshotName(name);
      const data = await readSnapshotData(snapshotsDir(this.options.dir), name, [...this.tables.values()].map((t) => t.entity));
      const fresh = await buildTables(this.tables, data);
      adoptTables(this.tables, fresh);
      await this.logWholeStoreChange(name);
    });
  }

  async listSnapshots(): Promise<{ name: string; createdOn: string; records: number }[]> {
    const metas = await listSnapshotMetas(snapshotsDir(this.options.dir));
    return metas.map(({ name, createdOn, records }) => ({ name, createdOn, records }));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.exclusiveChain.catch(() => undefined);
      try {
        await this.wal.barrier();
        await this.compactSoon();
      } finally {
        // Even when the final compaction fails (the log still holds everything), release the file.
        await this.wal.close().catch(() => undefined);
        this.steps.stop();
      }
    })();
    return this.closing;
  }

  /** Test hook: simulates a crash (no flush, no compaction; the files stay as they are). */
  async abandon(): Promise<void> {
    this.closing ??= Promise.resolve();
    this.abandoned = true;
    this.steps.stop();
    await this.wal.abandon();
    // A compaction under way stops at its next step, so no file changes once this resolves.
    await Promise.allSettled([this.compactionRunning, this.compactionQueued]);
  }

  /** Runs a whole-store operation after the previous one (reset, restore and snapshots never interleave). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('The data store is closed'));
    const run = this.exclusiveChain.catch(() => undefined).then(fn);
    this.exclusiveChain = run;
    return run;
  }

  private nowIso(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /**
   * Logs a reset or restore (already applied in memory) as one log line naming the snapshot, then compacts every
   * entity before resolving, so the line is replayed only if a crash comes first.
   */
  private async logWholeStoreChange(snapshot: string): Promise<void> {
    const seq = ++this.sequence;
    for (const name of this.tables.keys()) this.dirty.add(name);
    await this.wal.append(seq, JSON.stringify({ seq, restore: snapshot }));
    await this.compactSoon();
  }

  private afterDurable(changes: readonly RecordChange[], seq: number): void {
    for (const listener of this.listeners) {
      try {
        listener(changes, seq);
      } catch (err) {
        try {
          this.options.onListenerError?.(err, seq);
        } catch {
          // The error reporter itself failed; the store must carry on regardless.
        }
      }
    }
    this.maybeCompact();
  }

  private maybeCompact(): void {
    const { segmentBytes, segmentLines } = this.wal;
    // Thresholds grow with the data (as Redis sizes AOF rewrites): a compaction rewrites every record
    // of the changed entities, so it waits until the log is about a quarter of the data it replaces
    // (512 bytes per record; a full Activity is ~1.9 KB in its file). At 256 bytes per record a steady
    // write load spent a third of the site's CPU rewriting files; a restart after a crash replays at
    // most this much log (a clean close compacts first).
    let records = 0;
    for (const table of this.tables.values()) records += table.size;
    const bytes = Math.max(this.options.compactAfterBytes, records * 512);
    const commits = Math.max(this.options.compactAfterCommits, Math.floor(records / 2));
    const due = segmentBytes >= bytes || segmentLines >= commits;
    if (!due || this.compactionQueued || this.closing) return;
    this.compactSoon().catch((err: unknown) => this.options.onBackgroundError?.(err));
  }

  /** Queues a compaction after the running one; callers asking meanwhile share the queued one. */
  private compactSoon(): Promise<void> {
    if (this.compactionQueued) return this.compactionQueued;
    const previous = this.compactionRunning ?? Promise.resolve();
    const next: Promise<void> = previous
      .catch(() => undefined)
      .then(() => {
        this.compactionQueued = null;
        this.compactionRunning = next;
        return this.compact();
      })
      .finally(() => {
        if (this.compactionRunning === next) this.compactionRunning = null;
      });
    this.compactionQueued = next;
    return next;
  }

  /**
   * Takes the dirty entities' record arrays and seals the log segment in the same synchronous
   * step (so the sealed segment holds exactly the commits the arrays contain), writes the entity
   * files, then the manifest, and only then deletes the sealed segments.
   */
  private async compact(): Promise<void> {
    const upTo = this.sequence;
    if (this.dirty.size === 0 && this.wal.segmentLines === 0) return;
    const names = [...this.dirty];
    this.dirty.clear();
    const work = this.steps.time(() => names.map((name) => {
      const table = this.tables.get(name) as MemoryTable;
      return { table, records: table.snapshot() };
    }));
    try {
      await this.wal.rotate();
      for (const { table, records } of work) {
        this.checkNotAbandoned();
        await writeEntityFile(entityFilePath(this.options.dir, table.entity.name), records, table.entity, this.options.durability, (ms) => this.steps.note(ms));
      }
      this.checkNotAbandoned();
      await writeManifest(this.options.dir, { format: FORMAT_VERSION, sequence: upTo }, this.options.durability);
    } catch (err) {
      for (const name of names) this.dirty.add(name);
      throw err;
    }
    this.checkNotAbandoned();
    await this.deleteSealedSegments(upTo);
  }

  private checkNotAbandoned(): void {
    if (this.abandoned) throw new Error('store abandoned');
  }

  private async deleteSealedSegments(upTo: number): Promise<void> {
    for (const name of await readdir(this.options.dir)) {
      const m = /^wal-(\d{12})\.jsonl$/.exec(name);
      if (m && Number(m[1]) <= upTo) await rm(join(this.options.dir, name), { force: true });
    }
  }
}

function toWalChange(change: RecordChange): ChangeRequest {
  return change.kind === 'delete'
    ? { kind: 'delete', entity: change.entity, id: change.id }
    : { kind: change.kind, entity: change.entity, record: change.after };
}
