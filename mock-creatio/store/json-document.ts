import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { StoreError } from './store.types';

/**
 * A small JSON document of the workspace (site settings, business processes, engine settings),
 * on lowdb: validated with zod on read and before every write, written with sorted keys and
 * 2-space indent (diffs well in git), and with `update` calls run one after another so none is
 * lost (lowdb alone keeps only the last of overlapping writes, reference/peers.md §3).
 *
 * `new Low(new JSONFile(...))` rather than `JSONFilePreset`, which silently switches to memory
 * under NODE_ENV=test (toolchain.md). steno writes a temp file and renames it (atomic), no fsync.
 */
export interface JsonDocument<T> {
  /** The current value (deeply frozen: change it through `update`). */
  read(): T;
  /** Applies `fn` to a copy (mutate it, or return a new value), validates, writes; resolves with the saved value. */
  update(fn: (draft: T) => T | void): Promise<T>;
}

export async function openJsonDocument<S extends z.ZodType>(
  file: string,
  schema: S,
  defaults: z.output<S>,
): Promise<JsonDocument<z.output<S>>> {
  type T = z.output<S>;
  await mkdir(dirname(file), { recursive: true });
  const db = new Low<unknown>(new JSONFile<unknown>(file), null);
  try {
    await db.read();
  } catch (err) {
    throw new StoreError('CORRUPT_WORKSPACE', `${file}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const existed = db.data !== null;
  let current: T = deepFreeze(sortKeys(validate(schema, existed ? db.data : structuredClone(defaults), file, 'read')));
  if (!existed) {
    db.data = current;
    await db.write();
  }
  let queue: Promise<unknown> = Promise.resolve();

  const update = (fn: (draft: T) => T | void): Promise<T> => {
    const run = queue.catch(() => undefined).then(async () => {
      const draft = structuredClone(current) as T;
      const next = fn(draft);
      const value = deepFreeze(sortKeys(validate(schema, next === undefined ? draft : next, file, 'update')));
      db.data = value;
      await db.write();
      current = value;
      return value;
    });
    queue = run;
    return run;
  };
  return { read: () => current, update };
}

/** A broken file is CORRUPT_WORKSPACE; a bad update is the caller's mistake (TypeError), nothing is written. */
function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, when: 'read' | 'update'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  if (when === 'update') throw new TypeError(`Not saved to ${file}: ${details}`);
  throw new StoreError('CORRUPT_WORKSPACE', `${file}: ${details}`);
}

/** Object keys sorted recursively (arrays keep their order): a stable, diff-friendly file. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => sortKeys(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
