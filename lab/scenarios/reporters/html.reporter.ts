/**
 * The HTML report: ONE self-contained file (inline CSS and script, a Content-Security-Policy that
 * allows no network) with the run's summary, every scenario with its steps (status, duration, error)
 * and its two-way timeline as a sequence diagram. Every text from a result is escaped.
 */
import type { ScenarioResult, StepResult } from '../scenario-result';
import { HTML_REPORT_CSS, HTML_REPORT_SCRIPT } from './html-assets';
import { renderTimelineSvg } from './html-timeline';
import { countResults, escapeHtml as e, formatDuration, summaryLine, type RunInfo } from './report-format';
import { redactDeep } from './report-redact';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function renderHtmlReport(input: readonly ScenarioResult[], info: RunInfo): string {
  const results = redactDeep([...input]);
  const { passed, failed, total } = countResults(results);
  const shard = info.shard ? ` · shard ${info.shard.current}/${info.shard.total}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${e(`Scenarios: ${summaryLine(results)}`)}</title>
<style>${HTML_REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Case Sync Lab scenarios</h1>
<div class="muted">Started ${e(info.startedAt)} · ${e(formatDuration(info.durationMs))} · ${info.workers} worker${info.workers === 1 ? '' : 's'}${e(shard)}</div>
<div class="summary">
<span class="badge passed">${passed} passed</span>
<span class="badge failed">${failed} failed</span>
<span class="muted">${total} scenario${total === 1 ? '' : 's'}</span>
<button type="button" data-filter="all" aria-pressed="true">All</button>
<button type="button" data-filter="failed" aria-pressed="false">Failed only</button>
<button type="button" data-expand="all">Expand all</button>
<button type="button" data-expand="none">Collapse all</button>
</div>
</header>
<main>
${results.map(renderScenario).join('\n')}
</main>
<script>${HTML_REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function renderScenario(result: ScenarioResult, index: number): string {
  const mark = result.status === 'passed' ? '✓' : '✗';
  return `<details class="scenario ${result.status}" id="scenario-${index + 1}"${result.status === 'failed' ? ' open' : ''}>
<summary><span class="mark ${result.status}">${mark}</span><span class="name">${e(result.name)}</span><span class="muted">${e(result.file)} · ${e(formatDuration(result.durationMs))}</span></summary>
<div class="body">
${result.error ? `<div class="error">${e(result.error)}</div>` : ''}
${renderSteps(result)}
<h3>Timeline</h3>
${renderTimelineSvg(result.timeline)}
</div>
</details>`;
}

function renderSteps(result: ScenarioResult): string {
  if (result.steps.length === 0) return '<p class="muted">No steps ran.</p>';
  return `<h3>Steps</h3>
<table>
<thead><tr><th>#</th><th>Step</th><th>Line</th><th>Status</th><th>Duration</th><th>Error</th></tr></thead>
<tbody>
${result.steps.map((step) => renderStep(step, result.file)).join('\n')}
</tbody>
</table>`;
}

function renderStep(step: StepResult, file: string): string {
  return `<tr class="step ${step.status}"><td class="num">${step.index + 1}</td><td>${e(step.title)}</td><td class="num" title="${e(`${file}:${step.line}`)}">${step.line}</td>`
    + `<td class="status-${step.status}">${e(step.status)}</td><td class="num">${e(formatDuration(step.durationMs))}</td>`
    + `<td>${step.error ? `<pre>${e(step.error)}</pre>` : ''}</td></tr>`;
}
