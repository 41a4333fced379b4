/**
 * Scenario runs started from the window (issue 6 "Scenarios: open a scenario file and run it"): each
 * runs in its OWN fresh lab through runScenario, exactly as `npm run lab -- run` does, while its
 * progress is told on the bus of the lab the window shows (`scenario.run-started`,
 * `scenario.step-ended`, `scenario.finished`), so the window follows it live. Results are kept in
 * memory, the newest 20; they are redacted like the CLI's reports and carry no raw events.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabEventBus } from '../lab.types';
import { redactDeep, redactResult } from './reporters/report-redact';
import { runScenario as realRunScenario } from './run-scenario';
import type { RunScenarioFn } from './run-scenarios';
import type { Scenario } from './scenario.schema';
import type { StepResult, TimelineEntry } from './scenario-result';

export interface ScenarioRunRecord {
  runId: string;
  name: string;
  file: string;
  status: 'running' | 'passed' | 'failed';
  startedAt: string;
  durationMs?: number;
  /** Steps in the scenario. */
  totalSteps: number;
  /** Steps that ended so far (all of them once finished). */
  steps: StepResult[];
  timeline: TimelineEntry[];
  error?: string;
}

/** Runs at once: each is a whole lab (site, engine, chat) on a machine that also runs the window's lab. */
export const MAX_CONCURRENT_RUNS = 2;
const KEEP = 20;

/** Too many runs at once: the API answers 409. */
export class RunsBusyError extends Error {
  override name = 'RunsBusyError';
}

export interface ScenarioRuns {
  /** Starts a run and answers its id at once; the run goes on in the background. */
  start(scenario: Scenario): string;
  get(runId: string): ScenarioRunRecord | undefined;
  /** Newest first. */
  list(): ScenarioRunRecord[];
  /** Resolves when every run in progress has ended (tests; a clean shutdown). */
  settled(): Promise<void>;
}

export function createScenarioRuns(options: { bus: LabEventBus; runScenario?: RunScenarioFn }): ScenarioRuns {
  const run = options.runScenario ?? realRunScenario;
  const records = new Map<string, ScenarioRunRecord>();
  const inFlight = new Set<Promise<void>>();

  const publish = (type: string, data: Record<string, unknown>) => options.bus.publish({ source: 'lab', type, data });

  function keepNewest(): void {
    const finished = [...records.values()].filter((r) => r.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, records.size - KEEP))) records.delete(old.runId);
  }

  async function execute(record: ScenarioRunRecord, scenario: Scenario): Promise<void> {
    const root = await mkdtemp(join(tmpdir(), 'csl-window-run-'));
    try {
      const result = redactResult(await run(scenario, {
        workspaceRoot: root,
        onStep: (step) => {
          const safe = redactDeep(step);
          record.steps.push(safe);
          publish('scenario.step-ended', { runId: record.runId, name: record.name, step: safe, totalSteps: record.totalSteps });
        },
      }));
      Object.assign(record, {
        status: result.status, durationMs: result.durationMs, steps: result.steps, timeline: result.timeline,
        ...(result.error ? { error: result.error } : {}),
      });
    } catch (error) {
      Object.assign(record, { status: 'failed', error: `the scenario could not run: ${(error as Error)?.message ?? String(error)}` });
    } finally {
      await rm(root, { recursive: true, force: true }).catch(() => undefined);
    }
    record.durationMs ??= Date.now() - Date.parse(record.startedAt);
    publish('scenario.finished', {
      runId: record.runId, name: record.name, file: record.file, status: record.status, durationMs: record.durationMs,
      steps: record.steps, ...(record.error ? { error: record.error } : {}),
    });
    keepNewest();
  }

  return {
    start(scenario) {
      if (inFlight.size >= MAX_CONCURRENT_RUNS) {
        throw new RunsBusyError(`${inFlight.size} scenario runs are in progress (at most ${MAX_CONCURRENT_RUNS} at once): wait for one to finish`);
      }
      const record: ScenarioRunRecord = {
        runId: randomUUID(), name: scenario.name, file: scenario.file, status: 'running', startedAt: new Date().toISOString(),
        totalSteps: scenario.steps.length, steps: [], timeline: [],
      };
      records.set(record.runId, record);
      publish('scenario.run-started', { runId: record.runId, name: record.name, file: record.file, totalSteps: record.totalSteps });
      const done = execute(record, scenario).finally(() => inFlight.delete(done));
      inFlight.add(done);
      return record.runId;
    },
    get: (runId) => records.get(runId),
    list: () => [...records.values()].reverse(),
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
