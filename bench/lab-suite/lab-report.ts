/** The lab part of the bench report (issue 5): console text and the `lab` section of docs/performance.md. */
import { busyLines, machineLine } from '../lib/report';
import type { BenchResults } from '../lib/results';
import type { ThroughputRow } from './scenario-throughput';
import type { ReadyRow } from './serve-ready';

export interface LabResults {
  ready: ReadyRow[];
  throughput: ThroughputRow[];
  /** Scenarios per run and the aim's numbers. */
  count: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const f = (n: number, digits = 0): string => (Number.isNaN(n) ? '-' : n.toFixed(digits));

/** The aims of issue 5: 200 scenarios in under 30 s, ready in under 1 s. */
export function labVerdicts(r: LabResults): string[] {
  const best = [...r.throughput].filter((t) => t.failed === 0).sort((a, b) => b.perSecond - a.perSecond)[0];
  const for200 = best ? 200 / best.perSecond : NaN;
  const serve = median(r.ready[0]?.runs ?? []);
  return [
    best
      ? `${for200 < 30 ? 'met' : 'NOT MET'}: 200 scenarios in under 30 s: ${f(best.perSecond, 1)} scenarios/s at ${best.workers} workers, so 200 take ${f(for200, 1)} s`
      : 'NOT MEASURED: 200 scenarios in under 30 s: no run passed every scenario',
    `${serve < 1000 ? 'met' : 'NOT MET'}: ready in under 1 s: \`serve\` median ${f(serve)} ms from a new process`,
  ];
}

function readyTable(r: LabResults): string[] {
  const node = median(r.ready[3]?.runs ?? []);
  const lines = ['| start | median ms | min ms | max ms | × `node -e 0` |', '|---|---|---|---|---|'];
  for (const row of r.ready) {
    const m = median(row.runs);
    lines.push(`| ${row.what} | ${f(m)} | ${f(Math.min(...row.runs))} | ${f(Math.max(...row.runs))} | ${f(m / node, 1)} |`);
  }
  return lines;
}

function throughputTable(r: LabResults): string[] {
  const lines = ['| workers | scenarios | failed | seconds | scenarios/s | scenario p50 ms | scenario max ms | peak RSS |', '|---|---|---|---|---|---|---|---|'];
  for (const t of r.throughput) {
    lines.push(`| ${t.workers} | ${t.scenarios} | ${t.failed} | ${f(t.seconds, 1)} | ${f(t.perSecond, 1)} | ${f(t.p50Ms)} | ${f(t.maxMs)} | ${f(t.peakRssMiB)} MiB |`);
  }
  const failure = r.throughput.find((t) => t.firstFailure)?.firstFailure;
  if (failure) lines.push('', `First failure: ${failure}`);
  return lines;
}

export function formatLabConsole(r: LabResults, site: BenchResults): string {
  const ready = r.ready.map((row) => `  ${row.what}: median ${f(median(row.runs))} ms`);
  return [...ready, ...labVerdicts(r), ...busyLines(site)].join('\n');
}

export function formatLabMarkdown(r: LabResults, site: BenchResults): string {
  return [
    '## The lab: start-up and scenarios',
    '',
    machineLine(site),
    ...busyLines(site),
    '',
    ...labVerdicts(r).map((v) => `- ${v}`),
    '',
    '### From start to ready',
    '',
    ...readyTable(r),
    '',
    `### Scenario throughput (the library in test/scenarios, repeated to ${r.count} scenarios; each in its own fresh lab)`,
    '',
    ...throughputTable(r),
  ].join('\n');
}
