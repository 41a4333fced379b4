/**
 * The presenter (issue 6 "a presenter mode that steps through it with narration, for demos"): a
 * scenario run one step per "Next" against the CURRENT lab — the one the window shows — so the
 * audience sees the chat, the desk and the timeline change. Each load starts afresh: the scenario's
 * customer aliases map to new conversations, its events are recorded from the load on, and its seed
 * gets a new value so records it writes with seeded ids (agent replies) never collide with an
 * earlier presentation's. The scenario's mode, settings and AI are NOT applied to the lab: a
 * warning says so. As in a run, after a failed step the rest are skipped. State changes are told on
 * the lab's bus (`presenter.*`), so every window showing the lab follows.
 */
import { randomInt } from 'node:crypto';
import type { Lab, LabEvent, LabMode } from '../lab.types';
import { customerNames, introNarration, narrateStep, presenterWarnings } from './presenter-narration';
import { createStepExecutor, skippedStep, type StepExecutor } from './run-scenario';
import type { Scenario } from './scenario.schema';
import type { StepResult } from './scenario-result';

export interface PresenterStep extends Omit<StepResult, 'status' | 'durationMs'> {
  status: 'pending' | 'running' | StepResult['status'];
  durationMs?: number;
  narration: string;
  note?: string;
}

export interface PresenterState {
  status: 'idle' | 'ready' | 'running' | 'passed' | 'failed';
  name?: string;
  description?: string;
  file?: string;
  /** The scenario's mode, and the lab's (they may differ: see warnings). */
  scenarioMode?: Scenario['mode'];
  labMode: LabMode;
  warnings: string[];
  /** What to show in big letters: the opening line before the first step, then the last step run (or running). */
  narration: string;
  /** Index of the next step to run (steps.length when done). */
  next: number;
  steps: PresenterStep[];
}

/** Not now: a step is running, nothing is loaded, or the scenario is over. The API answers 409. */
export class PresenterConflictError extends Error {
  override name = 'PresenterConflictError';
}

export interface Presenter {
  state(): PresenterState;
  load(scenario: Scenario): PresenterState;
  /** Runs the next step (with its expectations and timeouts) and answers its result. */
  next(): Promise<{ step: PresenterStep; presenter: PresenterState }>;
  /** Back to before the first step, with fresh aliases. */
  reset(): PresenterState;
  /** Stops recording the lab's events (the lab is closing). */
  close(): void;
}

interface Loaded {
  scenario: Scenario;
  executor: StepExecutor;
  events: LabEvent[];
  stopRecording: () => void;
  steps: PresenterStep[];
  intro: string;
  warnings: string[];
  next: number;
  running: boolean;
}

export function createPresenter(options: { lab: Lab }): Presenter {
  const { lab } = options;
  let loaded: Loaded | undefined;
  const publish = (type: string, data: Record<string, unknown> = {}) => lab.events.publish({ source: 'lab', type, data });

  function start(scenario: Scenario): Loaded {
    loaded?.stopRecording();
    // A fresh seed per presentation: the same step writes a new record each time (seededGuid in creatio.steps.ts).
    const fresh: Scenario = { ...scenario, seed: randomInt(1, 2 ** 31 - 1) };
    const events: LabEvent[] = [];
    const stopRecording = lab.events.subscribe((event) => {
      events.push(event);
      // A workspace reset or restore takes the conversations away: start the presentation over (after this publish).
      if (event.type === 'lab.reset' || event.type === 'snapshot.restored') queueMicrotask(() => restartAfterReset(scenario));
    });
    const names = customerNames(scenario);
    const warnings = presenterWarnings(scenario, lab.mode());
    return {
      scenario, events, stopRecording, warnings, next: 0, running: false,
      executor: createStepExecutor({ lab, scenario: fresh, events }),
      intro: introNarration(scenario, warnings),
      steps: scenario.steps.map((step, index) => {
        const { status: _skipped, durationMs: _none, ...base } = skippedStep(scenario, index);
        return { ...base, status: 'pending' as const, narration: narrateStep(step, names), ...(step.note ? { note: step.note } : {}) };
      }),
    };
  }

  function state(): PresenterState {
    if (!loaded) return { status: 'idle', labMode: lab.mode(), warnings: [], narration: 'Open a scenario and press Present.', next: 0, steps: [] };
    const { scenario, steps, next, running } = loaded;
    const failed = steps.some((s) => s.status === 'failed');
    const current = running ? steps[next] : steps[next - 1];
    return {
      status: running ? 'running' : failed ? 'failed' : next >= steps.length ? 'passed' : 'ready',
      name: scenario.name, file: scenario.file, scenarioMode: scenario.mode, labMode: lab.mode(),
      ...(scenario.description ? { description: scenario.description } : {}),
      warnings: loaded.warnings, narration: current?.narration ?? loaded.intro, next, steps: steps.map((s) => ({ ...s })),
    };
  }

  function restartAfterReset(scenario: Scenario): void {
    if (!loaded || loaded.scenario !== scenario || loaded.running) return;
    loaded = start(scenario);
    publish('presenter.reset', { reason: 'the workspace was reset' });
  }

  return {
    state,
    load(scenario) {
      if (loaded?.running) throw new PresenterConflictError('a step is running: wait for it to end before loading another scenario');
      loaded = start(scenario);
      publish('presenter.loaded', { name: scenario.name, file: scenario.file, steps: scenario.steps.length, warnings: loaded.warnings });
      return state();
    },
    async next() {
      const current = loaded;
      if (!current) throw new PresenterConflictError('no scenario is loaded: POST /api/presenter first');
      if (current.running) throw new PresenterConflictError(`step ${current.next + 1} is still running`);
      if (current.next >= current.steps.length) throw new PresenterConflictError('the scenario is over: reset to present it again');
      const index = current.next;
      current.running = true;
      current.steps[index]!.status = 'running';
      publish('presenter.step-started', { index, title: current.steps[index]!.title });
      const result = await current.executor.run(index);
      current.running = false;
      current.next = index + 1;
      const step = Object.assign(current.steps[index]!, result);
      if (result.status === 'failed') {
        for (const rest of current.steps.slice(index + 1)) rest.status = 'skipped';
        current.next = current.steps.length;
      }
      publish('presenter.step-ended', { index, status: result.status, title: result.title, durationMs: result.durationMs, ...(result.error ? { error: result.error } : {}) });
      return { step: { ...step }, presenter: state() };
    },
    reset() {
      if (loaded?.running) throw new PresenterConflictError('a step is running: wait for it to end before resetting');
      if (loaded) loaded = start(loaded.scenario);
      publish('presenter.reset');
      return state();
    },
    close() {
      loaded?.stopRecording();
      loaded = undefined;
    },
  };
}
