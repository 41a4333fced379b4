import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isMissing, type Durability } from './fs-util';
import { StoreError } from './store.types';
import { ACTIVE_WAL } from './wal-writer';

/**
 * Reading the write-ahead log back at open. One line per commit:
 *   {"seq":12,"changes":[{"kind":"insert","entity":"Case","record":{...}}, ...]}
 * plus whole-store lines {"seq":14,"restore":"<snapshot name>"} (a reset restores the hidden ".seed"
 * snapshot it writes first, so replaying it does not depend on the seed function, which may use the clock).
 */

const Value = z.union([z.string(), z.number(), z.boolean()]);
const WalRecord = z.record(z.string(), Value).refine((r) => typeof r.Id === 'string', 'record without a string Id');
const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insert'), entity: z.string(), record: WalRecord }),
  z.object({ kind: z.literal('update'), entity: z.string(), record: WalRecord }),
  z.object({ kind: z.literal('delete'), entity: z.string(), id: z.string() }),
]);
const Seq = z.number().int().positive();
export const WalEntry = z.union([
  z.object({ seq: Seq, changes: z.array(Change) }).strict(),
  z.object({ seq: Seq, restore: z.string() }).strict(),
]);
export type WalEntry = z.infer<typeof WalEntry>;

export interface WalSegment {
  file: string;
  /** From a sealed segment's name; undefined for the active one. */
  lastSeq: number | undefined;
}

/** The segments in replay order: sealed ones by sequence, then the active one (if present). */
export async function listWalSegments(dir: string): Promise<WalSegment[]> {
  const names = await readdir(dir);
  const sealed = names
    .map((name) => ({ name, m: /^wal-(\d{12})\.jsonl$/.exec(name) }))
    .filter((x) => x.m)
    .map((x) => ({ file: join(dir, x.name), lastSeq: Number(x.m?.[1]) }))
    .sort((a, b) => a.lastSeq - b.lastSeq);
  const active = names.includes(ACTIVE_WAL) ? [{ file: join(dir, ACTIVE_WAL), lastSeq: undefined }] : [];
  return [...sealed, ...active];
}

export interface ParsedSegment {
  entries: WalEntry[];
  /** Bytes of the complete, valid lines: where a torn tail gets cut. */
  goodBytes: number;
  torn: boolean;
}

/**
 * Parses one segment. A bad line followed only by bad lines at the end of the last segment is a
 * torn append from a crash (never acknowledged, since a commit resolves only after its line and
 * newline are synced): it is reported as `torn`. A bad line anywhere else is CORRUPT_WORKSPACE.
 */
export async function parseWalSegment(text: string, file: string, options: { last: boolean }): Promise<ParsedSegment> {
  const lines = text.split('\n');
  // The piece after the final newline is '' for a clean file, or an unterminated (torn) append.
  const entries: WalEntry[] = [];
  let goodBytes = 0;
  let firstBad: number | undefined;
  let goodAfterBad = false;
  for (let i = 0; i < lines.length; i++) {
    // A full segment is ~5,000 lines of zod-checked records: let the event loop breathe meanwhile.
    if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
    const line = lines[i] as string;
    const terminated = i < lines.length - 1;
    if (!terminated && line === '') break;
    const entry = terminated ? parseLine(line) : undefined;
    if (!entry) {
      firstBad ??= i;
      continue;
    }
    if (firstBad !== undefined) {
      goodAfterBad = true;
      break;
    }
    entries.push(entry);
    goodBytes += Buffer.byteLength(line, 'utf8') + 1;
  }
  if (firstBad === undefined) return { entries, goodBytes, torn: false };
  if (options.last && !goodAfterBad) return { entries, goodBytes, torn: true };
  throw new StoreError('CORRUPT_WORKSPACE', `${file} line ${firstBad + 1}: not a valid write-ahead log entry`);
}

function parseLine(line: string): WalEntry | undefined {
  try {
    const parsed = WalEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a segment's text; '' when it vanished meanwhile. */
export async function readSegment(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return '';
    throw err;
  }
}

/** Cuts a torn tail off the active segment so the next append starts on a clean line. */
export async function truncateSegment(file: string, bytes: number, durability: Durability): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(bytes);
    if (durability === 'fsync') await handle.sync();
  } finally {
    await handle.close();
  }
}
