import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { StoreError } from './store.types';

/** Whether writes wait for the disk (`fsync`) or only for the OS cache (`none`, faster tests). */
export type Durability = 'fsync' | 'none';

/**
 * Makes a rename or a file creation in `dir` durable. Linux needs the folder itself synced; Windows
 * cannot open a folder for this, and NTFS journals renames, so failure there is ignored.
 */
export async function syncDir(dir: string, durability: Durability): Promise<void> {
  if (durability !== 'fsync') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if (process.platform !== 'win32') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a file atomically: the chunks go to a temp file beside the target, which is synced and
 * renamed over it, then the folder is synced. A crash leaves either the old or the new file,
 * never a mix. Chunks come from an async iterable so large files can be produced incrementally
 * (the producer yields to the event loop between chunks).
 */
export async function writeFileAtomic(
  file: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  durability: Durability,
): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${tempCounter++}.tmp`);
  const handle = await open(temp, 'w');
  // One buffer for every chunk that fits: a fresh Buffer per chunk is external memory that V8
  // counts toward its next full collection (hundreds of MB for a large entity file).
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  try {
    let unsynced = 0;
    for await (const chunk of chunks) {
      unsynced += await writeAll(handle, chunk, scratch);
      // Flush big files as they grow: one huge final fsync would hold up the log's fdatasync
      // behind it (ext4 commits the journal in order), stalling commits during a compaction.
      if (durability === 'fsync' && unsynced >= SYNC_EVERY_BYTES) {
        await handle.datasync();
        unsynced = 0;
      }
    }
    if (durability === 'fsync') await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temp, file);
  await syncDir(dir, durability);
}

let tempCounter = 0;
const SYNC_EVERY_BYTES = 2 * 1024 * 1024;
const SCRATCH_BYTES = 256 * 1024;

/**
 * Writes the whole text at the handle's position (a single write(2) may be partial). With `scratch`,
 * text that surely fits (3 bytes per UTF-16 unit at most) is encoded into it instead of a new
 * Buffer; the caller must not reuse it before this resolves.
 */
export async function writeAll(handle: FileHandle, text: string, scratch?: Buffer): Promise<number> {
  let buffer: Buffer;
  let length: number;
  if (scratch && text.length * 3 <= scratch.length) {
    length = scratch.write(text, 0, 'utf8');
    buffer = scratch;
  } else {
    buffer = Buffer.from(text, 'utf8');
    length = buffer.length;
  }
  let offset = 0;
  while (offset < length) {
    const { bytesWritten } = await handle.write(buffer, offset, length - offset);
    offset += bytesWritten;
  }
  return length;
}

/** Parses JSON text, turning a syntax error into CORRUPT_WORKSPACE naming the file and line. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const where = lineOfError(text, message);
    throw new StoreError(
      'CORRUPT_WORKSPACE',
      `${file}${where ? ` line ${where}` : ''}: invalid JSON (${message})`,
    );
  }
}

/** V8 reports "... at position 123" (Node 20) or "(line 4 column 2)" (newer V8). */
function lineOfError(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return text.trim() === '' ? 1 : undefined;
  const upTo = text.slice(0, Number(pos[1]));
  let count = 1;
  for (let i = upTo.indexOf('\n'); i !== -1; i = upTo.indexOf('\n', i + 1)) count++;
  return count;
}

/** Whether an error is "no such file". */
export function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Reads and validates a small JSON file of the workspace (manifest, snapshot meta): undefined when it
 * does not exist; CORRUPT_WORKSPACE naming the file, the field and what was expected when it is bad.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, expected = ''): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  const parsed = schema.safeParse(parseJsonText(text, file));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const hint = expected ? ` (expected ${expected})` : '';
  throw new StoreError('CORRUPT_WORKSPACE', `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}${hint}`);
}
