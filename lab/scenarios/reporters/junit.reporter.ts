/**
 * JUnit XML for CI (Jenkins, GitLab, GitHub test reporters): a testsuite per scenario file, a
 * testcase per scenario, time in seconds. A failed step is a <failure> (message: the step and its
 * error); a scenario that could not run or a file that did not load is an <error>.
 */
import type { ScenarioResult } from '../scenario-result';
import { countResults, escapeXml, failedStep, failureDetail, failureHeadline, type RunInfo } from './report-format';

export function renderJUnitReport(results: readonly ScenarioResult[], info: RunInfo): string {
  const byFile = new Map<string, ScenarioResult[]>();
  for (const result of results) byFile.set(result.file, [...(byFile.get(result.file) ?? []), result]);
  const { total } = countResults(results);
  const failures = results.filter(isFailure).length;
  const errors = results.filter(isError).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Case Sync Lab scenarios" tests="${total}" failures="${failures}" errors="${errors}" time="${seconds(info.durationMs)}" timestamp="${escapeXml(info.startedAt, { attribute: true })}">`,
    ...[...byFile].flatMap(([file, suite]) => renderSuite(file, suite, info)),
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

function renderSuite(file: string, suite: ScenarioResult[], info: RunInfo): string[] {
  const time = suite.reduce((sum, r) => sum + r.durationMs, 0);
  const attrs = [
    `name="${attr(file)}"`, `tests="${suite.length}"`, `failures="${suite.filter(isFailure).length}"`,
    `errors="${suite.filter(isError).length}"`, 'skipped="0"', `time="${seconds(time)}"`, `timestamp="${attr(info.startedAt)}"`,
  ];
  return [`  <testsuite ${attrs.join(' ')}>`, ...suite.flatMap(renderCase), '  </testsuite>'];
}

function renderCase(result: ScenarioResult): string[] {
  const open = `    <testcase name="${attr(result.name)}" classname="${attr(result.file)}" file="${attr(result.file)}" time="${seconds(result.durationMs)}"`;
  const out = result.steps.map((s) => `${s.status === 'passed' ? '✓' : s.status === 'failed' ? '✗' : '-'} ${s.title} (line ${s.line}, ${s.durationMs}ms)`).join('\n');
  const systemOut = out ? [`      <system-out>${escapeXml(out)}</system-out>`] : [];
  if (result.status === 'passed') return systemOut.length ? [`${open}>`, ...systemOut, '    </testcase>'] : [`${open}/>`];
  const tag = isFailure(result) ? 'failure' : 'error';
  const type = failedStep(result)?.action ?? (result.steps.length ? 'scenario' : 'load-or-start');
  return [
    `${open}>`,
    `      <${tag} message="${attr(failureHeadline(result))}" type="${attr(type)}">${escapeXml(failureDetail(result))}</${tag}>`,
    ...systemOut,
    '    </testcase>',
  ];
}

/** Failed at a step: an assertion failure. */
function isFailure(result: ScenarioResult): boolean {
  return result.status === 'failed' && failedStep(result) !== undefined;
}

/** Failed without a failed step: it could not load or run. */
function isError(result: ScenarioResult): boolean {
  return result.status === 'failed' && failedStep(result) === undefined;
}

function attr(text: string): string {
  return escapeXml(text, { attribute: true });
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
