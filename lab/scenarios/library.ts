/**
 * The scenario library the window offers (issue 6 "Scenarios"): the files of `test/scenarios` in the
 * checkout and `<workspace>/scenarios/` when it exists. A file is named by a path with a fixed prefix
 * (`test/scenarios/agent-reply-by-email.yaml`, `workspace/scenarios/demo.yaml`); a path that does not
 * lead to a scenario file inside one of these folders (`..`, an absolute path, a symlink out, another
 * extension) is refused, so the Lab API never reads anything else from the disk.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findScenarioFiles } from './discover-scenarios';
import { parseScenarioText, type LoadResult } from './load-scenario';

/** Where a library file comes from. */
export type LibrarySource = 'checkout' | 'workspace';

export interface LibraryFolder {
  source: LibrarySource;
  /** The prefix of its files' paths (`test/scenarios`). */
  prefix: string;
  dir: string;
}

export interface LibraryEntry {
  /** `test/scenarios/<file>` or `workspace/scenarios/<file>`. */
  path: string;
  source: LibrarySource;
  /** The file's name, or the path when it does not load. */
  name: string;
  description?: string;
  tags: string[];
  mode?: 'every-conversation' | 'handoff-only';
  /** Number of steps (0 when it does not load). */
  steps: number;
  /** The first load error, `line:column: message`, when the file does not load. */
  error?: string;
}

/** A path the library does not serve: the message says why (the API answers 400 or 404). */
export class LibraryPathError extends Error {
  constructor(readonly kind: 'invalid' | 'not-found', message: string) {
    super(message);
    this.name = 'LibraryPathError';
  }
}

export interface ScenarioLibrary {
  folders(): LibraryFolder[];
  list(): Promise<LibraryEntry[]>;
  /** The YAML text of a library file. */
  read(path: string): Promise<string>;
  /** Reads and loads a library file (errors name the file by its library path). */
  load(path: string): Promise<LoadResult>;
}

const SCENARIO_FILE = /\.ya?ml$/i;

/**
 * `test/scenarios` of the checkout: two folders up from this module, which holds for the sources
 * (lab/scenarios/), the CLI bundle (out/cli/) and the desktop build (out/main/); else the working directory's.
 */
export function defaultCheckoutScenarios(): string | undefined {
  const candidates = [fileURLToPath(new URL('../../test/scenarios/', import.meta.url)), join(process.cwd(), 'test', 'scenarios')];
  return candidates.find((dir) => existsSync(dir));
}

export function createScenarioLibrary(options: { workspace: () => string; checkoutDir?: string | undefined }): ScenarioLibrary {
  const folders = (): LibraryFolder[] => [
    ...(options.checkoutDir ? [{ source: 'checkout' as const, prefix: 'test/scenarios', dir: options.checkoutDir }] : []),
    { source: 'workspace', prefix: 'workspace/scenarios', dir: join(options.workspace(), 'scenarios') },
  ];

  async function resolvePath(path: string): Promise<string> {
    const clean = path.replace(/\\/g, '/');
    const folder = folders().find((f) => clean.startsWith(`${f.prefix}/`));
    if (!folder) throw new LibraryPathError('invalid', `path must start with ${folders().map((f) => `"${f.prefix}/"`).join(' or ')}`);
    const rest = clean.slice(folder.prefix.length + 1);
    if (!SCENARIO_FILE.test(rest)) throw new LibraryPathError('invalid', 'path must name a .yaml or .yml file');
    const absolute = join(folder.dir, rest);
    if (!inside(folder.dir, absolute) || rest.split('/').includes('..')) throw new LibraryPathError('invalid', `path must stay inside ${folder.prefix}/`);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) throw new LibraryPathError('not-found', `no scenario file ${clean}`);
    // A symlink inside the folder must not lead out of it.
    const [realDir, realFile] = await Promise.all([realpath(folder.dir), realpath(absolute)]);
    if (!inside(realDir, realFile)) throw new LibraryPathError('invalid', `path must stay inside ${folder.prefix}/`);
    return absolute;
  }

  async function listFolder(folder: LibraryFolder): Promise<LibraryEntry[]> {
    if (!existsSync(folder.dir)) return [];
    const files = await findScenarioFiles([folder.dir]);
    return Promise.all(files.map(async (file) => {
      const path = `${folder.prefix}/${relative(folder.dir, file).split(sep).join('/')}`;
      const text = await readFile(file, 'utf8').catch(() => '');
      return entryOf(path, folder.source, parseScenarioText(text, path));
    }));
  }

  return {
    folders,
    async list() {
      return (await Promise.all(folders().map(listFolder))).flat();
    },
    async read(path) {
      return readFile(await resolvePath(path), 'utf8');
    },
    async load(path) {
      const text = await readFile(await resolvePath(path), 'utf8');
      return parseScenarioText(text, path.replace(/\\/g, '/'));
    },
  };
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function entryOf(path: string, source: LibrarySource, load: LoadResult): LibraryEntry {
  if (load.ok) {
    const { scenario } = load;
    return {
      path, source, name: scenario.name, tags: scenario.tags, mode: scenario.mode, steps: scenario.steps.length,
      ...(scenario.description ? { description: scenario.description } : {}),
    };
  }
  const first = load.errors[0];
  return {
    path, source, name: load.name ?? path, tags: load.tags ?? [], steps: 0,
    error: first ? `${first.line}:${first.column}: ${first.message}` : 'does not load',
  };
}
