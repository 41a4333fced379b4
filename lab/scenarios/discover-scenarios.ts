/**
 * Which scenario files a run takes: files and folders (recursive, *.yaml / *.yml) in a stable
 * sorted order, `--grep` / `--grep-invert` on name, tags and file, and `--shard i/n`.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** A path that does not exist, a bad --shard or --grep: the CLI reports it as a usage error. */
export class ScenarioSelectionError extends Error {
  override name = 'ScenarioSelectionError';
}

const SCENARIO_FILE = /\.ya?ml$/i;
/** Folders a recursive search never enters. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Absolute paths of the scenario files under `paths` (relative to `cwd`), sorted by their path
 * relative to `cwd` (code-unit order: the same on every machine and locale), without duplicates.
 * A file named explicitly is taken whatever its extension.
 */
export async function findScenarioFiles(paths: readonly string[], options: { cwd?: string } = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new ScenarioSelectionError(`no such file or folder: ${path}`);
    if (info.isDirectory()) for (const file of await walk(absolute)) found.add(file);
    else found.add(absolute);
  }
  const key = (file: string) => relative(cwd, file);
  return [...found].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...(await walk(path)));
    } else if (SCENARIO_FILE.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

/** What --grep looks at. */
export interface GrepTarget {
  name: string;
  tags: readonly string[];
  file: string;
}

/** A --grep / --grep-invert value as a regular expression (a bad one is a usage error). */
export function parseGrep(flag: string, source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new ScenarioSelectionError(`${flag}: not a regular expression: ${(error as Error).message}`);
  }
}

/** True when `target` is kept: `grep` matches its name, a tag (with or without @) or its file, and `grepInvert` matches none. */
export function matchesGrep(target: GrepTarget, filters: { grep?: RegExp; grepInvert?: RegExp }): boolean {
  const hits = (re: RegExp) => re.test(target.name) || re.test(target.file) || target.tags.some((tag) => re.test(tag) || re.test(`@${tag}`));
  if (filters.grep && !hits(filters.grep)) return false;
  if (filters.grepInvert && hits(filters.grepInvert)) return false;
  return true;
}

export interface Shard {
  /** 1-based. */
  current: number;
  total: number;
}

/** Parses `--shard i/n` (1 <= i <= n). */
export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const current = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || current < 1 || current > total) {
    throw new ScenarioSelectionError(`--shard: expected i/n with 1 <= i <= n (like 2/4), got "${text}"`);
  }
  return { current, total };
}

/**
 * The items of one shard: contiguous blocks of the sorted list, the first `length % total` shards
 * taking one more (as Playwright splits). Every item is in exactly one shard.
 */
export function selectShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  const base = Math.floor(items.length / shard.total);
  const extra = items.length % shard.total;
  const index = shard.current - 1;
  const start = index * base + Math.min(index, extra);
  const size = base + (index < extra ? 1 : 0);
  return items.slice(start, start + size);
}
