/**
 * Scenarios per second (issue 5: "aim for 200 scenarios in under 30 s" on 2 cores): the library in
 * test/scenarios, repeated until the run holds `count` scenarios, run by the same runner as
 * `npm run lab -- run` (each scenario in its own fresh lab), at several worker counts.
 */
import { executeRun, planScenarioRun } from '../../lab';

const LIBRARY = new URL('../../test/scenarios', import.meta.url).pathname;

export interface ThroughputRow {
  workers: number;
  scenarios: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Highest resident set size of the bench process seen during the run. */
  peakRssMiB: number;
  /** Per-scenario duration (ms) as the runner measured it: p50 / max. */
  p50Ms: number;
  maxMs: number;
  /** The first failure, to tell a broken run from a slow one. */
  firstFailure?: string;
}

export async function benchScenarioThroughput(options: { count: number; workers: number[] }): Promise<ThroughputRow[]> {
  const plan = await planScenarioRun({ paths: [LIBRARY] });
  if (plan.planned.length === 0) throw new Error(`no scenarios in ${LIBRARY}`);
  const planned = Array.from({ length: options.count }, (_, i) => plan.planned[i % plan.planned.length]!);
  const rows: ThroughputRow[] = [];
  for (const workers of options.workers) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const t0 = performance.now();
    const { results } = await executeRun(planned, { workers });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const durations = results.map((r) => r.durationMs).sort((a, b) => a - b);
    const failed = results.filter((r) => r.status !== 'passed');
    const first = failed[0];
    const failedStep = first?.steps.find((s) => s.status === 'failed');
    rows.push({
      workers, scenarios: results.length, failed: failed.length, seconds, perSecond: results.length / seconds,
      peakRssMiB: peak / 2 ** 20, p50Ms: durations[Math.floor(durations.length / 2)] ?? 0, maxMs: durations.at(-1) ?? 0,
      ...(first ? { firstFailure: `${first.file}: ${failedStep ? `${failedStep.title}: ${failedStep.error ?? ''}` : first.error ?? ''}`.slice(0, 300) } : {}),
    });
    console.log(`  ${workers} workers: ${results.length} scenarios in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(1)}/s), ${failed.length} failed`);
  }
  return rows;
}
