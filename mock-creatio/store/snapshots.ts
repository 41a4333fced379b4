import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { EntityDef, EntityRecord } from '../schema/schema.types';
import { readEntityFile, writeEntityFile } from './entity-file';
import { isMissing, readJsonFile, syncDir, writeFileAtomic, type Durability } from './fs-util';
import { StoreError } from './store.types';

/**
 * Named copies of the data: `<dir>/snapshots/<name>/<Entity>.json` (same format as the data files)
 * plus `snapshot.json` with when it was taken and how many records it holds. A snapshot is built
 * in a hidden temp folder and renamed into place, so a listed snapshot is always complete.
 */

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The seed as of the last reset: hidden (a user's name cannot start with a dot), read when replaying it. */
export const SEED_SNAPSHOT = '.seed';
const META_FILE = 'snapshot.json';

export const SnapshotMeta = z.object({
  name: z.string(),
  createdOn: z.string(),
  records: z.number().int().nonnegative(),
  sequence: z.number().int().nonnegative(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export function checkSnapshotName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new StoreError(
      'BAD_SNAPSHOT_NAME',
      `Snapshot name "${name}" is not valid: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}

let tempCounter = 0;

/** Writes a snapshot of the given record arrays (taken synchronously by the caller). */
export async function writeSnapshot(
  root: string,
  meta: SnapshotMeta,
  data: ReadonlyMap<EntityDef, readonly EntityRecord[]>,
  durability: Durability,
): Promise<void> {
  await mkdir(root, { recursive: true });
  const temp = join(root, `.${meta.name}.tmp-${process.pid}-${tempCounter++}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  try {
    for (const [entity, records] of data) {
      await writeEntityFile(join(temp, `${entity.name}.json`), records, entity, durability);
    }
    await writeFileAtomic(join(temp, META_FILE), [`${JSON.stringify(meta, null, 2)}\n`], durability);
    const target = join(root, meta.name);
    const old = join(root, `.${meta.name}.old-${process.pid}-${tempCounter++}`);
    let replaced = false;
    try {
      await rename(target, old);
      replaced = true;
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    await rename(temp, target);
    await syncDir(root, durability);
    if (replaced) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/** Reads a snapshot's meta; undefined when there is no such snapshot. */
export function readSnapshotMeta(root: string, name: string): Promise<SnapshotMeta | undefined> {
  return readJsonFile(join(root, name, META_FILE), SnapshotMeta);
}

/** Reads every entity of a snapshot; entities the snapshot lacks come back empty. */
export async function readSnapshotData(
  root: string,
  name: string,
  entities: readonly EntityDef[],
): Promise<Map<string, EntityRecord[]>> {
  if (!(await readSnapshotMeta(root, name))) {
    throw new StoreError('NOT_FOUND', `There is no snapshot named "${name}"`);
  }
  const data = new Map<string, EntityRecord[]>();
  for (const entity of entities) {
    data.set(entity.name, (await readEntityFile(join(root, name, `${entity.name}.json`))) ?? []);
  }
  return data;
}

/** Every complete snapshot, oldest first. */
export async function listSnapshotMetas(root: string): Promise<SnapshotMeta[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const metas: SnapshotMeta[] = [];
  for (const name of names.filter((n) => NAME_RE.test(n))) {
    const meta = await readSnapshotMeta(root, name);
    if (meta) metas.push({ ...meta, name });
  }
  return metas.sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.name.localeCompare(b.name));
}
