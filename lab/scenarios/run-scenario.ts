/**
 * The step executor (issue 5 "Scenarios"): runs one scenario in its own fresh lab — its own
 * workspace folder and ports — recording every lab event from before the first step, running the
 * steps in order (after the first failure the rest are skipped), and always closing the lab and
 * removing the workspace, also when a step or the lab itself fails. The steps themselves run through
 * createStepExecutor, which works over any running lab (the window's presenter uses the lab it shows).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineSettingsInput } from '../../engine';
import type { Lab, LabEvent, LabOptions } from '../lab.types';
import { startLab } from '../start-lab';
import type { Scenario } from './scenario.schema';
import type { ScenarioResult, StepResult } from './scenario-result';
import { createAgentDirectory, runStep, type StepContext, stepTitle } from './steps';
import { buildTimeline } from './timeline';

export interface RunScenarioOptions {
  /** Folder under which the scenario's own throwaway workspace is made (and removed afterwards unless `keepWorkspace`). */
  workspaceRoot: string;
  keepWorkspace?: boolean;
  /** Called as each step ends (the live progress display). */
  onStep?: (step: StepResult) => void;
}

type SettingsInput = NonNullable<Scenario['settings']>;

/** The scenario's settings as engine settings over the lab's defaults: `null` unsets a value. */
export function scenarioSettings(settings: SettingsInput | undefined): Partial<EngineSettingsInput> {
  if (!settings) return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) result[key] = value === null ? undefined : value;
  return result as Partial<EngineSettingsInput>;
}

function labOptions(scenario: Scenario, workspace: string): LabOptions {
  return {
    workspace, mode: scenario.mode, seed: scenario.seed, durability: 'none',
    settings: scenarioSettings(scenario.settings),
    ...(scenario.ai ? { ai: scenario.ai as LabOptions['ai'] } : {}),
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runScenario(scenario: Scenario, options: RunScenarioOptions): Promise<ScenarioResult> {
  const started = Date.now();
  await mkdir(options.workspaceRoot, { recursive: true });
  const workspace = await mkdtemp(join(options.workspaceRoot, 'scenario-'));
  const events: LabEvent[] = [];
  let lab: Lab | undefined;
  let steps: StepResult[] = [];
  const stepStarts: number[] = [];
  let error: string | undefined;
  try {
    lab = await startLab(labOptions(scenario, workspace));
    // Recorded before the first step: lab.started and whatever the parts said while starting are in history.
    events.push(...lab.events.history());
    const stop = lab.events.subscribe((event) => void events.push(event));
    try {
      steps = await runSteps(scenario, { lab, events, stepStarts, ...(options.onStep ? { onStep: options.onStep } : {}) });
    } finally {
      stop();
    }
  } catch (thrown) {
    error = `the lab could not ${lab ? 'run the scenario' : 'start'}: ${errorText(thrown)}`;
  } finally {
    if (lab) await lab.close().catch((thrown: unknown) => void (error ??= `the lab did not close cleanly: ${errorText(thrown)}`));
    if (!options.keepWorkspace) await rm(workspace, { recursive: true, force: true }).catch(() => undefined);
  }
  if (error && steps.length === 0) steps = scenario.steps.map((_step, index) => skippedStep(scenario, index));
  const failed = error !== undefined || steps.some((s) => s.status === 'failed');
  return {
    name: scenario.name, file: scenario.file, status: failed ? 'failed' : 'passed', durationMs: Date.now() - started,
    steps, timeline: buildTimeline(events, started, stepStarts), events, ...(error ? { error } : {}),
  };
}

/** A step that did not run (after a failure, or when the lab could not start). */
export function skippedStep(scenario: Scenario, index: number): StepResult {
  const step = scenario.steps[index]!;
  return { index, action: step.action, title: stepTitle(step), line: scenario.stepLines[index] ?? 0, status: 'skipped', durationMs: 0 };
}

/**
 * A scenario's steps against a running lab, one at a time: runScenario drives it over its own fresh
 * lab; the window's presenter drives it over the lab the window shows, one step per "Next".
 */
export interface StepExecutor {
  readonly context: StepContext;
  /** Runs step `index` with its expectations and timeouts; never throws: a failure is a failed StepResult. */
  run(index: number): Promise<StepResult>;
}

/** `events`: the recording the steps read (`expect-event`...); the caller keeps it filled from the lab's bus. */
export function createStepExecutor(input: { lab: Lab; scenario: Scenario; events: LabEvent[] }): StepExecutor {
  const { lab, scenario, events } = input;
  const context: StepContext = {
    lab, scenario, index: 0, conversations: new Map(), saved: new Map(), events,
    agents: createAgentDirectory({ siteUrl: lab.urls.creatio, workspace: lab.workspace }),
  };
  return {
    context,
    async run(index) {
      const step = scenario.steps[index];
      if (!step) throw new RangeError(`no step ${index + 1} in "${scenario.name}" (${scenario.steps.length} steps)`);
      const result = skippedStep(scenario, index);
      context.index = index;
      const began = Date.now();
      try {
        await runStep(context, step);
        return { ...result, status: 'passed', durationMs: Date.now() - began };
      } catch (thrown) {
        return { ...result, status: 'failed', durationMs: Date.now() - began, error: redact(errorText(thrown), lab) };
      }
    },
  };
}

interface StepRunInput {
  lab: Lab;
  events: LabEvent[];
  /** Filled as steps start: how many events were recorded at each step's start. */
  stepStarts: number[];
  onStep?: (step: StepResult) => void;
}

async function runSteps(scenario: Scenario, run: StepRunInput): Promise<StepResult[]> {
  const executor = createStepExecutor({ lab: run.lab, scenario, events: run.events });
  const results: StepResult[] = [];
  let failed = false;
  for (const index of scenario.steps.keys()) {
    let result = skippedStep(scenario, index);
    if (!failed) {
      run.stepStarts.push(run.events.length);
      result = await executor.run(index);
      failed = result.status === 'failed';
    }
    results.push(result);
    run.onStep?.(result);
  }
  return results;
}

/** A step's error never carries the webhook token (a literal token in a URL, a body echoed back). */
function redact(text: string, lab: Lab): string {
  const token = lab.settings().webhookToken;
  return token ? text.replaceAll(token, '***') : text;
}
