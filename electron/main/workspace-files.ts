/**
 * File-system side of the workspace menu: what counts as a workspace, an empty folder, and the
 * copies behind Export and Import. A workspace is a plain folder (lab/lab-workspace.ts), so a
 * recursive copy of it, taken while the lab is stopped, is a complete and consistent export.
 */
import { cp, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/** Entries whose presence marks a folder as a Case Sync Lab workspace (lab/lab-workspace.ts). */
const WORKSPACE_MARKERS = ['lab.json', 'creatio', 'engine'] as const;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

export async function isWorkspace(dir: string): Promise<boolean> {
  for (const marker of WORKSPACE_MARKERS) if (await exists(join(dir, marker))) return true;
  return false;
}

/** True for a folder that does not exist yet or has nothing in it (hidden files like .DS_Store ignored). */
export async function isEmptyFolder(dir: string): Promise<boolean> {
  try {
    const entries = await readdir(dir);
    return entries.every((name) => name.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** `parent/name`, or `parent/name-2`, `-3`... the first that does not exist. */
export async function freeFolderName(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(parent, n === 1 ? name : `${name}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** `2026-11-24T10:05:03.120Z` → `20261124-100503`: sorts by time and is safe in a file name everywhere. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

/** True when `path` is `folder` or lies inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Copies the workspace `source` into a new folder under `destinationParent`; returns the new folder. */
export async function exportWorkspace(options: { source: string; destinationParent: string; now: Date }): Promise<string> {
  if (isInside(options.destinationParent, options.source)) {
    throw new Error(`Choose a folder outside the workspace: ${options.destinationParent} is inside ${options.source}`);
  }
  const target = await freeFolderName(options.destinationParent, `${basename(options.source)}-export-${stamp(options.now)}`);
  await cp(options.source, target, { recursive: true, errorOnExist: true, force: false });
  return target;
}

/** Copies the workspace `source` into a new folder under `workspacesDir`; returns the new folder. */
export async function importWorkspace(options: { source: string; workspacesDir: string }): Promise<string> {
  if (!(await isWorkspace(options.source))) {
    throw new Error(`${options.source} is not a Case Sync Lab workspace (it has none of ${WORKSPACE_MARKERS.join(', ')})`);
  }
  const target = await freeFolderName(options.workspacesDir, basename(options.source));
  await cp(options.source, target, { recursive: true, errorOnExist: true, force: false });
  return target;
}

const DesktopPrefs = z.object({ version: z.literal(1), workspace: z.string().min(1) });

/** The workspace to open at launch: the last one used if it still exists, else `fallback`. */
export async function rememberedWorkspace(prefsFile: string, fallback: string): Promise<string> {
  const read = readJsonFile(prefsFile, DesktopPrefs);
  return read.ok && (await exists(read.value.workspace)) ? read.value.workspace : fallback;
}

export function rememberWorkspace(prefsFile: string, workspace: string): void {
  writeJsonFile(prefsFile, { version: 1, workspace } satisfies z.infer<typeof DesktopPrefs>);
}
