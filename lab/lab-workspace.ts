/**
 * The lab's workspace folder (issue 5): `creatio/` (the site), `engine/engine-log.jsonl` and
 * `engine/settings.json` (the engine), `chat/` (the fake chat), `snapshots/` and `lab.json` (what
 * the lab itself must remember between launches). Files are pretty-printed JSON written atomically
 * (temp file, flush, rename), so a crash leaves the old or the new version, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { describeSettingsProblems, EngineSettings } from '../engine';

export interface WorkspacePaths {
  root: string;
  creatioDir: string;
  engineLog: string;
  settingsFile: string;
  chatDir: string;
  labFile: string;
  snapshotsDir: string;
}

export function workspacePaths(root: string): WorkspacePaths {
  return {
    root,
    creatioDir: join(root, 'creatio'),
    engineLog: join(root, 'engine', 'engine-log.jsonl'),
    settingsFile: join(root, 'engine', 'settings.json'),
    chatDir: join(root, 'chat'),
    labFile: join(root, 'lab.json'),
    snapshotsDir: join(root, 'snapshots'),
  };
}

/** What the lab remembers between launches (`lab.json`). */
export const LabFacts = z.object({
  version: z.literal(1),
  /** The engine's settings point at the lab's own site: follow it when its port changes. */
  followsLabSite: z.boolean(),
  /** The site's URL at the last launch. */
  siteUrl: z.string(),
  /** Origin of the webhook receiver at the last launch: processes calling it are re-pointed. */
  webhookOrigin: z.string(),
});
export type LabFacts = z.infer<typeof LabFacts>;

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Reads and parses a JSON file; undefined when it does not exist; a clear error naming the file otherwise. */
export async function readJsonIfAny<T>(file: string, parse: (value: unknown) => T): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): fix or delete it`, { cause: error });
  }
  return parse(value);
}

/** Writes pretty JSON atomically; `mode` 0o600 for files holding secrets. */
export async function writeJsonAtomic(file: string, value: unknown, options: { mode?: number; fsync?: boolean } = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', options.mode ?? 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    if (options.fsync !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}

export function readLabFacts(file: string): Promise<LabFacts | undefined> {
  return readJsonIfAny(file, (value) => {
    const parsed = LabFacts.safeParse(value);
    if (!parsed.success) throw new Error(`${file} is not a lab facts file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}

export function readSavedSettings(file: string): Promise<EngineSettings | undefined> {
  return readJsonIfAny(file, (value) => {
    const parsed = EngineSettings.safeParse(value);
    if (!parsed.success) throw new Error(`${file}: the engine's saved settings are invalid: ${describeSettingsProblems(parsed.error).join('; ')}`);
    return parsed.data;
  });
}

/** Saves the engine's settings: owner-only (0600), since they hold the client secret and the webhook token. */
export function writeSettings(file: string, settings: EngineSettings, fsync: boolean): Promise<void> {
  return writeJsonAtomic(file, settings, { mode: 0o600, fsync });
}
