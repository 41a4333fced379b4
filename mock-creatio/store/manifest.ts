import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isMissing, parseJsonText, writeFileAtomic, type Durability } from './fs-util';
import { StoreError } from './store.types';

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
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const file = manifestPath(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  const parsed = Manifest.safeParse(parseJsonText(text, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError(
      'CORRUPT_WORKSPACE',
      `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'} (expected {"format": ${FORMAT_VERSION}, "sequence": n})`,
    );
  }
  return parsed.data;
}

export function writeManifest(dir: string, manifest: Manifest, durability: Durability): Promise<void> {
  return writeFileAtomic(manifestPath(dir), [`${JSON.stringify(manifest, null, 2)}\n`], durability);
}
