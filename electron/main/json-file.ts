/**
 * Small JSON files of the desktop app in userData (window state, last workspace): read through a
 * zod schema with a fallback when missing or corrupt, written atomically (temp file + rename), so a
 * crash leaves the old file or the new one, never half of one.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Reads `file` and parses it with `schema`; never throws: says why it could not. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): ReadResult<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? String(error)})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${file} is not valid JSON` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${file}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}

/**
 * Writes pretty-printed JSON atomically. Synchronous on purpose: it runs from a window's `close`
 * handler, and an async write could be cut off by the process exiting.
 */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, file);
}
