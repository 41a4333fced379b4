import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir, writeAll, type Durability } from './fs-util';
import type { StepTimer } from './step-timer';

/** The active segment; sealed ones are `wal-<last sequence, 12 digits>.jsonl`. */
export const ACTIVE_WAL = 'wal.jsonl';

export function sealedWalName(lastSeq: number): string {
  return `wal-${String(lastSeq).padStart(12, '0')}.jsonl`;
}

interface Pending {
  resolve: () => void;
  reject: (err: Error) => void;
}
type Item =
  | ({ kind: 'line'; seq: number; text: string; afterDurable?: () => void } & Pending)
  | ({ kind: 'rotate'; sealed: (file: string | undefined) => void } & Pending)
  | ({ kind: 'barrier' } & Pending);

/**
 * The append side of the write-ahead log, with group commit: lines queued while a write+sync is
 * in flight go out together in the next single append and fdatasync, so many concurrent commits
 * cost about one disk flush. Items are processed strictly in queue order, so a rotation or a
 * barrier splits the log exactly between the lines queued before and after it.
 * After an I/O error the writer is failed: every pending and later call rejects with that error.
 */
export class WalWriter {
  private queue: Item[] = [];
  private running = false;
  private failure: Error | null = null;
  /** Bytes and lines in the active segment: the store's compaction trigger. */
  segmentBytes = 0;
  segmentLines = 0;
  private lastSeq = 0;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle | null,
    private readonly durability: Durability,
    private readonly timer?: StepTimer,
  ) {}

  /** Opens (creating) the active segment for appending; `existing` describes what replay found in it. */
  static async open(
    dir: string,
    durability: Durability,
    existing: { bytes: number; lines: number; lastSeq: number },
    timer?: StepTimer,
  ): Promise<WalWriter> {
    const handle = await open(join(dir, ACTIVE_WAL), 'a');
    const writer = new WalWriter(dir, handle, durability, timer);
    writer.segmentBytes = existing.bytes;
    writer.segmentLines = existing.lines;
    writer.lastSeq = existing.lastSeq;
    return writer;
  }

  /** Queues one line (no newline); resolves once it is durable. `afterDurable` runs first, in order. */
  append(seq: number, text: string, afterDurable?: () => void): Promise<void> {
    return this.enqueue((p) => ({ kind: 'line', seq, text, afterDurable, ...p }));
  }

  /**
   * Seals the active segment after everything queued so far and starts a new one. Resolves with
   * the sealed file's path, or undefined when the active segment was empty (nothing to seal).
   */
  rotate(): Promise<string | undefined> {
    let sealedFile: string | undefined;
    return this.enqueue((p) => ({ kind: 'rotate', sealed: (f) => (sealedFile = f), ...p })).then(() => sealedFile);
  }

  /** Resolves when everything queued before it is durable. */
  barrier(): Promise<void> {
    return this.enqueue((p) => ({ kind: 'barrier', ...p }));
  }

  /** Flushes what is queued and closes the file. */
  async close(): Promise<void> {
    try {
      await this.barrier();
    } finally {
      this.failure ??= new Error('write-ahead log is closed');
      const handle = this.handle;
      this.handle = null;
      await handle?.close();
    }
  }

  /** Test hook for crash simulation: drops the file handle without flushing what is queued. */
  async abandon(): Promise<void> {
    this.failure = new Error('store abandoned');
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private enqueue(make: (p: Pending) => Item): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queue.push(make({ resolve, reject }));
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0 && !this.failure) {
      const stop = this.queue.findIndex((item) => item.kind !== 'line');
      const batch = this.queue.splice(0, stop === -1 ? this.queue.length : Math.max(stop, 1));
      try {
        await this.process(batch);
      } catch (err) {
        this.failure = err instanceof Error ? err : new Error(String(err));
        for (const item of [...batch, ...this.queue.splice(0)]) item.reject(this.failure);
      }
    }
    this.running = false;
  }

  private async process(batch: Item[]): Promise<void> {
    const first = batch[0];
    if (!first) return;
    if (first.kind === 'barrier') return first.resolve();
    if (first.kind === 'rotate') {
      first.sealed(await this.seal());
      return first.resolve();
    }
    const handle = this.requireHandle();
    const lines = batch as Extract<Item, { kind: 'line' }>[];
    const build = () => lines.map((l) => `${l.text}\n`).join('');
    const text = this.timer ? this.timer.time(build) : build();
    this.segmentBytes += await writeAll(handle, text);
    if (this.durability === 'fsync') await handle.datasync();
    this.segmentLines += lines.length;
    this.lastSeq = lines[lines.length - 1]?.seq ?? this.lastSeq;
    for (const line of lines) {
      line.resolve();
      line.afterDurable?.();
    }
  }

  private async seal(): Promise<string | undefined> {
    if (this.segmentLines === 0) return undefined;
    await this.requireHandle().close();
    this.handle = null;
    const sealed = join(this.dir, sealedWalName(this.lastSeq));
    await rename(join(this.dir, ACTIVE_WAL), sealed);
    this.handle = await open(join(this.dir, ACTIVE_WAL), 'a');
    await syncDir(this.dir, this.durability);
    this.segmentBytes = 0;
    this.segmentLines = 0;
    return sealed;
  }

  private requireHandle(): FileHandle {
    if (!this.handle) throw new Error('write-ahead log is closed');
    return this.handle;
  }
}
