/**
 * What running a scenario produces (issue 5): the reporters (console, JSON, JUnit, HTML) read only
 * this. `timeline` is the scenario's two-way flow, from the lab's event bus.
 */
import type { LabEvent } from '../lab.types';

export interface StepResult {
  index: number;
  /** The action (`say`, `expect-case`...). */
  action: string;
  /** One line saying what the step did or checked: `ann says "Where is my order?"`. */
  title: string;
  line: number;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  /** Why it failed: what was expected, what was found. */
  error?: string;
}

/** One hop of the two-way flow, as the HTML report draws it. */
export interface TimelineEntry {
  /** Milliseconds since the scenario started. */
  t: number;
  /** Lane: customer (chat), engine, creatio (site records + requests), process, webhook. */
  lane: 'customer' | 'engine' | 'creatio' | 'process' | 'webhook';
  type: string;
  summary: string;
  conversationId?: string;
  caseId?: string;
  /** Index of the step that was running when the hop happened (absent: while the lab started). */
  step?: number;
}

export interface ScenarioResult {
  name: string;
  file: string;
  status: 'passed' | 'failed';
  durationMs: number;
  steps: StepResult[];
  timeline: TimelineEntry[];
  /** Set when the scenario could not run at all (lab failed to start...). */
  error?: string;
  /** Lab events seen during the run (secrets already redacted), for the JSON report. */
  events?: LabEvent[];
}

/** A file that did not load: reported with its file, line and column. */
export interface ScenarioLoadError {
  file: string;
  line: number;
  column: number;
  message: string;
}
