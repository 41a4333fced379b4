/**
 * The JSON report: the run and every result with its steps, timeline and lab events, passed once
 * more through the last-resort redactor (results already come redacted from the lab).
 */
import type { ScenarioResult } from '../scenario-result';
import { countResults, type RunInfo } from './report-format';
import { redactDeep } from './report-redact';

/** Version of the report's shape, for tools that read it. */
export const JSON_REPORT_VERSION = 1;

export function renderJsonReport(results: readonly ScenarioResult[], info: RunInfo): string {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: 'case-sync-lab',
    ...info,
    ...countResults(results),
    results,
  };
  return `${JSON.stringify(redactDeep(report), null, 2)}\n`;
}
