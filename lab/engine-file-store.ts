/**
 * The engine's Store port on the file system: an append-only JSON Lines log. Appends that arrive
 * while a write is under way are batched into the next write and share one fdatasync (group
 * commit), so many conversations writing at once cost one disk flush, not one each. An append
 * resolves only once its lines are on disk (with `fsync`, the default).
 *
 * Crash rules: a line without its final newline was never acknowledged (its append had not
 * resolved), so `load` drops it and cuts it off the file; any other line that is not JSON means the
 * file was damaged, and `load` fails naming the file and line rather than lose data silently.
 * `compact` writes a temporary file, flushes it and renames it over the log: all or nothing.
 */
import { mkdir, open, readFile, rename, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from '../engine';

export interface FileStoreOptions {
  /** Flush each write to disk before acknowledging it (default true). false: for throwaway runs. */
  fsync?: boolean;
}

interface PendingAppend {
  text: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Parses the log's text; returns the records and the byte length of the intact part. */
export function parseLog<R>(file: string, text: string): { records: R[]; intactLength: number } {
  const records: R[] = [];
  const lastNewline = text.lastIndexOf('\n');
  const intact = text.slice(0, lastNewline + 1);
  const lines = intact.split('\n');
  lines.pop(); // the empty string after the final newline
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as R);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${file}: line ${index + 1} is damaged (not JSON: ${reason}); the engine's log cannot be read past it`, { cause: error });
    }
  });
  return { records, intactLength: Buffer.byteLength(intact) };
}

/** The Store port plus what only the host needs: closing the file. */
export interface FileStore<R> extends Store<R> {
  /** Waits for writes under way, then closes the file (a later append opens it again). */
  close(): Promise<void>;
}

/** Opens (lazily) an engine log at `file`; its folder is created when missing. */
export function createFileStore<R>(file: string, options: FileStoreOptions = {}): FileStore<R> {
  const fsync = options.fsync ?? true;
  let handle: FileHandle | undefined;
  let queue: PendingAppend[] = [];
  let flushing: Promise<void> | undefined;
  /** Serialises writes, flushes and compactions. */
  let lane: Promise<unknown> = Promise.resolve();

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = lane.then(work);
    lane = run.catch(() => undefined);
    return run;
  }

  async function openHandle(): Promise<FileHandle> {
    if (handle) return handle;
    await mkdir(dirname(file), { recursive: true });
    handle = await open(file, 'a');
    return handle;
  }

  async function closeHandle(): Promise<void> {
    const current = handle;
    handle = undefined;
    await current?.close();
  }

  async function flushLoop(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await exclusive(async () => {
          const fh = await openHandle();
          // one write call (FileHandle.appendFile goes through writeFile's chunking loop); a short write continues
          const bytes = Buffer.from(batch.map((p) => p.text).join(''));
          for (let offset = 0; offset < bytes.length;) offset += (await fh.write(bytes, offset)).bytesWritten;
          if (fsync) await fh.datasync();
        });
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    flushing = undefined;
  }

  return {
    load: () => exclusive(async () => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return [];
        throw error;
      }
      const { records, intactLength } = parseLog<R>(file, text);
      if (intactLength < Buffer.byteLength(text)) {
        await closeHandle();
        await truncate(file, intactLength); // drop the torn last line so later appends start clean
      }
      return records;
    }),
    append(records) {
      if (records.length === 0) return Promise.resolve();
      const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
      const done = new Promise<void>((resolve, reject) => queue.push({ text, resolve, reject }));
      flushing ??= flushLoop();
      return done;
    },
    compact: (records) => exclusive(async () => {
      const temp = `${file}.compact-tmp`;
      await mkdir(dirname(file), { recursive: true });
      const fh = await open(temp, 'w');
      try {
        await fh.writeFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
        await fh.sync();
      } finally {
        await fh.close();
      }
      await closeHandle();
      await rename(temp, file);
      await syncFolder(dirname(file));
    }),
    async close() {
      await flushing;
      await exclusive(closeHandle);
    },
  };
}

/** Makes a rename durable (POSIX); not possible on Windows, where it is skipped. */
async function syncFolder(folder: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(folder, 'r');
    await fh.sync();
  } catch {
    // EISDIR/EPERM on Windows: folder handles cannot be flushed there.
  } finally {
    await fh?.close();
  }
}
