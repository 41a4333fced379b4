import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic, type Durability } from './fs-util';

/**
 * `<dir>/manifest.json`: the format version and the last commit sequence the data files contain.
 * It is written last (after the data files are renamed into place), so its presence means the
 * workspace was fully initialised, and on open only log entries after `sequence` are replayed.
 */

export const FORMAT_VERSION = 1;

export const Manifest = z.object({
  format: z.literal(FORMAT_VERSION),
  sequence: z.number().int().nonnegative(),
});
export type Manifest = z.infer<typeof Manifest>;

export function manifestPath(dir: string): string {
  return join(dir, 'manifest.json');
}

/** Reads the manifest; undefined when the workspace has none yet. */
export function readManifest(dir: string): Promise<Manifest | undefined> {
  return readJsonFile(manifestPath(dir), Manifest, `{"format": ${FORMAT_VERSION}, "sequence": n}`);
}

export function writeManifest(dir: string, manifest: Manifest, durability: Durability): Promise<void> {
  return writeFileAtomic(manifestPath(dir), [`${JSON.stringify(manifest, null, 2)}\n`], durability);
}
