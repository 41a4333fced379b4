/**
 * The scenario runner's outer half: plan (discover, load, grep, shard), then run each scenario in
 * its own fresh lab (runScenario) with a bounded number at once, telling a listener as things end.
 * A file that does not load never stops the run: it becomes a failed result with file:line:column.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findScenarioFiles, matchesGrep, selectShard, type Shard } from './discover-scenarios';
import { formatLoadErrors, loadScenarioFile, type LoadResult } from './load-scenario';
import { redactDeep, redactResult } from './reporters/report-redact';
import { runScenario as realRunScenario, type RunScenarioOptions } from './run-scenario';
import type { Scenario } from './scenario.schema';
import type { ScenarioResult, StepResult } from './scenario-result';
import { runPool } from './worker-pool';

/** One scenario file of the plan, loaded or not. */
export interface PlannedScenario {
  file: string;
  name: string;
  tags: string[];
  load: LoadResult;
}

export interface RunPlan {
  /** What runs, in order. */
  planned: PlannedScenario[];
  /** Files found under the paths. */
  found: number;
  /** Files kept by --grep / --grep-invert, before sharding. */
  matched: number;
}

export async function planScenarioRun(options: { paths: readonly string[]; cwd?: string; grep?: RegExp; grepInvert?: RegExp; shard?: Shard }): Promise<RunPlan> {
  const files = await findScenarioFiles(options.paths, { cwd: options.cwd });
  const loaded = await Promise.all(files.map(async (path): Promise<PlannedScenario> => {
    const load = await loadScenarioFile(path, { cwd: options.cwd });
    if (load.ok) return { file: load.scenario.file, name: load.scenario.name, tags: load.scenario.tags, load };
    return { file: load.file, name: load.name ?? load.file, tags: load.tags ?? [], load };
  }));
  const matched = loaded.filter((entry) => matchesGrep(entry, options));
  return { planned: selectShard(matched, options.shard), found: files.length, matched: matched.length };
}

export type RunScenarioFn = (scenario: Scenario, options: RunScenarioOptions) => Promise<ScenarioResult>;

/** What the live display (and anything else) hears during a run. Results arrive redacted. */
export interface RunListener {
  onScenarioBegin?(entry: PlannedScenario, index: number): void;
  onStepEnd?(entry: PlannedScenario, step: StepResult, index: number): void;
  onScenarioEnd?(result: ScenarioResult, index: number): void;
}

export interface ExecuteOptions {
  workers: number;
  /** Replaces each scenario's default expectation timeout (`timeout:` of the file), in ms. */
  timeoutMs?: number;
  keepWorkspaces?: boolean;
  /** Where the scenarios' workspaces go (default: a new temp folder, removed afterwards unless keepWorkspaces). */
  workspaceRoot?: string;
  /** The step executor (injected by tests). */
  runScenario?: RunScenarioFn;
  listener?: RunListener;
}

/** Runs the plan; results come back in plan order, whatever order they finish in. */
export async function executeRun(planned: readonly PlannedScenario[], options: ExecuteOptions): Promise<{ results: ScenarioResult[]; workspaceRoot: string }> {
  const root = options.workspaceRoot ?? (await mkdtemp(join(tmpdir(), 'csl-run-')));
  const run = options.runScenario ?? realRunScenario;
  const { listener = {} } = options;
  try {
    const results = await runPool(planned, {
      concurrency: options.workers,
      run: async (entry, index) => {
        listener.onScenarioBegin?.(entry, index);
        const result = redactResult(await runOne(entry, index, { ...options, root, run }));
        listener.onScenarioEnd?.(result, index);
        return result;
      },
    });
    return { results, workspaceRoot: root };
  } finally {
    if (!options.keepWorkspaces && !options.workspaceRoot) await rm(root, { recursive: true, force: true });
  }
}

async function runOne(entry: PlannedScenario, index: number, options: ExecuteOptions & { root: string; run: RunScenarioFn }): Promise<ScenarioResult> {
  if (!entry.load.ok) return loadFailure(entry);
  const scenario = options.timeoutMs === undefined ? entry.load.scenario : { ...entry.load.scenario, timeout: options.timeoutMs };
  // One folder per scenario, named so a kept workspace is easy to find.
  const workspaceRoot = join(options.root, `${String(index + 1).padStart(3, '0')}-${slug(scenario.name)}`);
  const started = Date.now();
  try {
    await mkdir(workspaceRoot, { recursive: true });
    return await options.run(scenario, {
      workspaceRoot,
      keepWorkspace: options.keepWorkspaces,
      onStep: (step) => options.listener?.onStepEnd?.(entry, redactDeep(step), index),
    });
  } catch (error) {
    return { ...emptyResult(entry), durationMs: Date.now() - started, error: `the scenario could not run: ${(error as Error)?.message ?? String(error)}` };
  }
}

/** A file that did not load, as a failed result whose error lists `file:line:column: message`. */
export function loadFailure(entry: PlannedScenario): ScenarioResult {
  if (entry.load.ok) throw new Error(`${entry.file} loaded`);
  return { ...emptyResult(entry), error: formatLoadErrors(entry.load.errors) };
}

function emptyResult(entry: PlannedScenario): ScenarioResult {
  return { name: entry.name, file: entry.file, status: 'failed', durationMs: 0, steps: [], timeline: [] };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'scenario';
}
