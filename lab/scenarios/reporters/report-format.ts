/** Small pieces every reporter shares: durations, counts, the failure of a scenario, escaping. */
import type { ScenarioResult, StepResult } from '../scenario-result';

/** What every file reporter is told about the run besides the results. */
export interface RunInfo {
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  workers: number;
  shard?: { current: number; total: number };
}

/** `850ms`, `1.2s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

export function countResults(results: readonly ScenarioResult[]): { passed: number; failed: number; total: number } {
  const passed = results.filter((r) => r.status === 'passed').length;
  return { passed, failed: results.length - passed, total: results.length };
}

/** `N passed, N failed`: the summary line every reporter agrees on. */
export function summaryLine(results: readonly ScenarioResult[]): string {
  const { passed, failed } = countResults(results);
  return `${passed} passed, ${failed} failed`;
}

export function failedStep(result: ScenarioResult): StepResult | undefined {
  return result.steps.find((step) => step.status === 'failed');
}

/** Where and why a scenario failed, in one line: `step 3 expect-case (file:14): <error>`. */
export function failureHeadline(result: ScenarioResult): string {
  const step = failedStep(result);
  if (step) return `step ${step.index + 1} ${step.action} (${result.file}:${step.line}): ${firstLine(step.error ?? 'failed')}`;
  return firstLine(result.error ?? 'failed');
}

/** The full failure text: the failed step's title and error, or the scenario's error. */
export function failureDetail(result: ScenarioResult): string {
  const step = failedStep(result);
  const parts = step ? [`step ${step.index + 1}: ${step.title}`, `at ${result.file}:${step.line}`, step.error ?? ''] : [];
  if (result.error) parts.push(result.error);
  return parts.filter(Boolean).join('\n');
}

function firstLine(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  return rest.length ? `${first} (+${rest.length} more line${rest.length > 1 ? 's' : ''})` : first;
}

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escapes text for XML content (or a quoted attribute, keeping its line breaks), dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string, options: { attribute?: boolean } = {}): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- these control characters are what XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    // A lone surrogate (half of a cut emoji) is not a character XML can carry either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  const escaped = clean.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
  return options.attribute ? escaped.replace(/\r?\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}
