/** The HTML report's inline CSS (light and dark via prefers-color-scheme) and its small script (filters). */

export const HTML_REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1d2330; --muted: #667085; --line: #d8dde6; --card: #f7f8fa;
  --pass: #137a3a; --fail: #c4291c; --pass-bg: #e6f4ea; --fail-bg: #fdecea;
  --customer: #7048e8; --engine: #1c7ed6; --creatio: #e67700; --process: #0c8599; --webhook: #c2255c; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14171c; --fg: #e6e8eb; --muted: #98a2b3; --line: #2f3540; --card: #1c2027;
    --pass: #5ccf86; --fail: #ff7b72; --pass-bg: #17301f; --fail-bg: #3a1d1b;
    --customer: #b197fc; --engine: #74c0fc; --creatio: #ffa94d; --process: #66d9e8; --webhook: #f783ac; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
header, main { max-width: 1180px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.muted { color: var(--muted); }
.summary { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin-top: 12px; }
.badge { padding: 2px 10px; border-radius: 999px; font-weight: 600; }
.badge.passed { background: var(--pass-bg); color: var(--pass); }
.badge.failed { background: var(--fail-bg); color: var(--fail); }
button { font: inherit; background: var(--card); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; padding: 2px 10px; cursor: pointer; }
button[aria-pressed="true"] { border-color: var(--fg); }
details.scenario { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; background: var(--card); }
details.scenario > summary { padding: 8px 12px; cursor: pointer; display: flex; gap: 10px; align-items: baseline; }
details.scenario > summary .name { font-weight: 600; }
.mark.passed, .status-passed { color: var(--pass); }
.mark.failed, .status-failed { color: var(--fail); }
.status-skipped { color: var(--muted); }
.body { padding: 0 12px 12px; overflow-x: auto; }
.error { white-space: pre-wrap; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; background: var(--fail-bg); color: var(--fg); border-left: 3px solid var(--fail); padding: 8px 10px; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
td pre { margin: 0; white-space: pre-wrap; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
h3 { font-size: 14px; margin: 14px 0 6px; }
svg.timeline { font: 12px system-ui, sans-serif; display: block; }
svg.timeline .lifeline { stroke: var(--line); stroke-dasharray: 4 4; }
svg.timeline .lane-name { font-weight: 700; fill: var(--fg); }
svg.timeline .time { fill: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
svg.timeline .label { fill: var(--fg); }
svg.timeline .message { stroke: var(--muted); stroke-width: 1.3; }
svg.timeline .guide { stroke: var(--line); stroke-dasharray: 1 3; }
svg.timeline .type { font-weight: 600; }
svg.timeline .hop:hover .label { text-decoration: underline; }
svg.timeline .arrowhead { fill: var(--muted); }
${['customer', 'engine', 'creatio', 'process', 'webhook'].map((lane) => `svg.timeline .lane-${lane} .dot, svg.timeline .lane-name.lane-${lane} { fill: var(--${lane}); }`).join('\n')}
body.only-failed details.scenario.passed { display: none; }
`;

export const HTML_REPORT_SCRIPT = `
(function () {
  var body = document.body;
  document.querySelectorAll('[data-filter]').forEach(function (button) {
    button.addEventListener('click', function () {
      var failed = button.getAttribute('data-filter') === 'failed';
      body.classList.toggle('only-failed', failed);
      document.querySelectorAll('[data-filter]').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
    });
  });
  document.querySelectorAll('[data-expand]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-expand') === 'all';
      document.querySelectorAll('details.scenario').forEach(function (d) { d.open = open; });
    });
  });
})();
`;
