import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import { readEntityFile, writeEntityFile } from './entity-file';
import type { Durability } from './fs-util';
import { FORMAT_VERSION, readManifest, writeManifest } from './manifest';
import { readSnapshotData } from './snapshots';
import { StoreError } from './store.types';
import { MemoryTable } from './table';
import { listWalSegments, parseWalSegment, readSegment, truncateSegment, type WalEntry } from './wal-reader';

/**
 * Opening a workspace: seed it on first use, else load the data files and replay the write-ahead
 * log entries newer than the manifest's sequence.
 *
 * Replay is idempotent per record (insert/update are upserts, deleting a missing record is a
 * no-op), because a crash in the middle of a compaction can leave some data files already holding
 * entries that the manifest does not yet cover; replaying those entries again gives the same state.
 */

export interface LoadOptions {
  dir: string;
  model: SchemaModel;
  seed: () => Record<string, EntityRecord[]>;
  durability: Durability;
}

export interface LoadedWorkspace {
  tables: Map<string, MemoryTable>;
  /** Last applied sequence: the manifest's, or the last replayed entry's. */
  sequence: number;
  /** Entities whose data files are behind memory (replayed or taken from the seed). */
  dirty: Set<string>;
  /** What the active log segment holds after replay, for the writer's compaction trigger. */
  active: { bytes: number; lines: number; lastSeq: number };
}

export function dataDir(dir: string): string {
  return join(dir, 'data');
}

export function snapshotsDir(dir: string): string {
  return join(dir, 'snapshots');
}

export function entityFilePath(dir: string, entity: string): string {
  return join(dataDir(dir), `${entity}.json`);
}

/** New tables holding `data` (records frozen: they are immutable, see store.types.ts), built in slices. */
export async function buildTables(
  tables: ReadonlyMap<string, MemoryTable>,
  data: ReadonlyMap<string, readonly EntityRecord[]>,
): Promise<Map<string, MemoryTable>> {
  const fresh = new Map<string, MemoryTable>();
  for (const [name, table] of tables) {
    const next = new MemoryTable(table.entity);
    await next.load(data.get(name) ?? []);
    fresh.set(name, next);
  }
  return fresh;
}

/** Swaps built tables in, synchronously (the live Table objects stay the same). */
export function adoptTables(tables: ReadonlyMap<string, MemoryTable>, fresh: ReadonlyMap<string, MemoryTable>): void {
  for (const [name, table] of tables) table.adopt(fresh.get(name) as MemoryTable);
}

export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const { dir, model } = options;
  await mkdir(dataDir(dir), { recursive: true });
  await removeLeftovers(dir);
  const tables = new Map(model.entities.map((e) => [e.name, new MemoryTable(e)] as const));
  const manifest = await readManifest(dir);
  const segments = await listWalSegments(dir);
  const loaded: LoadedWorkspace = { tables, sequence: 0, dirty: new Set(), active: { bytes: 0, lines: 0, lastSeq: 0 } };
  if (!manifest) {
    for (const segment of segments) {
      if ((await stat(segment.file)).size > 0) {
        throw new StoreError('CORRUPT_WORKSPACE', `${join(dir, 'manifest.json')} is missing but ${segment.file} holds commits`);
      }
    }
    await seedWorkspace(options, tables);
    return loaded;
  }
  let seed: Map<string, EntityRecord[]> | undefined;
  const data = new Map<string, EntityRecord[]>();
  for (const entity of model.entities) {
    const records = await readEntityFile(entityFilePath(dir, entity.name));
    if (records) {
      data.set(entity.name, records);
      continue;
    }
    // An entity the workspace has no file for (a newer model): start it from the seed.
    seed ??= new Map(Object.entries(options.seed()));
    data.set(entity.name, seed.get(entity.name) ?? []);
    loaded.dirty.add(entity.name);
  }
  for (const [name, table] of tables) await table.load(data.get(name) ?? []);
  loaded.sequence = manifest.sequence;
  await replay(options, segments, manifest.sequence, loaded);
  for (const segment of segments) {
    // Left over by a compaction that wrote its manifest but crashed before deleting them.
    if (segment.lastSeq !== undefined && segment.lastSeq <= manifest.sequence) await rm(segment.file, { force: true });
  }
  return loaded;
}

/** Temp files and folders of writes that a crash interrupted (they can be as big as a data file). */
async function removeLeftovers(dir: string): Promise<void> {
  const leftovers = [
    ...(await readdir(dir)).filter((n) => /^\..+\.tmp$/.test(n)).map((n) => join(dir, n)),
    ...(await readdir(dataDir(dir))).filter((n) => /^\..+\.tmp$/.test(n)).map((n) => join(dataDir(dir), n)),
    ...(await readdir(snapshotsDir(dir)).catch(() => [] as string[]))
      .filter((n) => /^\..+\.(tmp|old)-\d+-\d+$/.test(n))
      .map((n) => join(snapshotsDir(dir), n)),
  ];
  for (const file of leftovers) await rm(file, { recursive: true, force: true });
}

async function seedWorkspace(options: LoadOptions, tables: Map<string, MemoryTable>): Promise<void> {
  const seed = options.seed();
  for (const [name, table] of tables) await table.load(seed[name] ?? []);
  for (const [name, table] of tables) {
    await writeEntityFile(entityFilePath(options.dir, name), table.snapshot(), table.entity, options.durability);
  }
  // Written last: its presence is what says "this workspace is initialised".
  await writeManifest(options.dir, { format: FORMAT_VERSION, sequence: 0 }, options.durability);
}

async function replay(
  options: LoadOptions,
  segments: Awaited<ReturnType<typeof listWalSegments>>,
  after: number,
  loaded: LoadedWorkspace,
): Promise<void> {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as (typeof segments)[number];
    const text = await readSegment(segment.file);
    const parsed = await parseWalSegment(text, segment.file, { last: i === segments.length - 1 });
    for (const entry of parsed.entries) {
      if (entry.seq <= after) continue;
      if (entry.seq <= loaded.sequence) {
        throw new StoreError('CORRUPT_WORKSPACE', `${segment.file}: sequence ${entry.seq} is out of order`);
      }
      await applyEntry(options, entry, loaded);
      loaded.sequence = entry.seq;
    }
    // A torn tail was never acknowledged; cut it so the next append starts on a clean line.
    if (parsed.torn) await truncateSegment(segment.file, parsed.goodBytes, options.durability);
    if (segment.lastSeq === undefined) {
      const last = parsed.entries[parsed.entries.length - 1];
      loaded.active = { bytes: parsed.goodBytes, lines: parsed.entries.length, lastSeq: last?.seq ?? 0 };
    }
  }
}

async function applyEntry(options: LoadOptions, entry: WalEntry, loaded: LoadedWorkspace): Promise<void> {
  const { tables } = loaded;
  if ('restore' in entry) {
    const root = snapshotsDir(options.dir);
    const data = await readSnapshotData(root, entry.restore, options.model.entities).catch((err: unknown) => {
      if (err instanceof StoreError && err.code === 'NOT_FOUND') {
        throw new StoreError('CORRUPT_WORKSPACE', `write-ahead log entry ${entry.seq} restores snapshot "${entry.restore}", which is gone`);
      }
      throw err;
    });
    adoptTables(tables, await buildTables(tables, data));
  } else {
    for (const change of entry.changes) {
      const table = tables.get(change.entity);
      if (!table) continue; // an entity the model no longer has
      if (change.kind === 'delete') table.remove(change.id);
      else table.put(Object.freeze(change.record));
      loaded.dirty.add(change.entity);
    }
    return;
  }
  for (const name of tables.keys()) loaded.dirty.add(name);
}
