import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load';
import { percentile } from './load';
import type { BenchResults, RunRow } from './results';
import type { ScenarioName, TargetName } from './scenarios';
import { verdicts } from './verdicts';
import { formatMarkdown } from './report';

const result = (rps: number, p50Ms: number, p99Ms: number): LoadResult => ({
  rps, p50Ms, p99Ms, maxMs: p99Ms, ok: rps, failed: 0, seconds: 1,
});
const run = (target: TargetName, scenario: ScenarioName, size: number, r: LoadResult, loopMaxMs = 0): RunRow => ({
  target, scenario, size, connections: 10, result: r, loop: { maxMs: loopMaxMs, p99Ms: 0 },
});

function results(runs: RunRow[]): BenchResults {
  return {
    quick: false,
    date: '2026-11-24T18:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test', node: 'v20', platform: 'Linux', memoryGiB: 1, loadAverage: 0 },
    sizes: [1_000, 100_000],
    runs,
    memory: [],
  };
}

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('verdicts', () => {
  const good = results([
    run('simulator', 'get-key', 1_000, result(900, 1, 2)), run('express', 'get-key', 1_000, result(1000, 1, 2)),
    run('simulator', 'get-key', 100_000, result(700, 1, 2)), run('express', 'get-key', 100_000, result(1000, 1, 2)),
    run('simulator', 'list-1', 100_000, result(500, 1, 4.9)), run('simulator', 'list', 100_000, result(900, 9, 30)),
    run('simulator', 'post', 1_000, result(1000, 5, 20), 10), run('simulator', 'post', 100_000, result(600, 8, 45), 51),
    run('json-server', 'post', 100_000, result(5, 1700, 2000)),
  ]);

  it('judges each target from the figures', () => {
    const byGoal = Object.fromEntries(verdicts(good).map((v) => [v.goal, v.met]));
    expect(byGoal).toEqual({
      'GET by key within 20% of the bare Express handler (1,000)': true,
      'GET by key within 20% of the bare Express handler (100,000)': false,
      'filtered list under 5 ms p99 (100,000, 1 connection)': true,
      'POST under 50 ms p99 (100,000)': true,
      'POST at least 100 times json-server (100,000)': true,
      'POST at 100,000 no more than twice as slow as at 1,000 (req/s ratio)': true,
      'persistence never blocks the event loop for more than 50 ms (its longest synchronous step during POST runs)': false,
    });
  });

  it('judges the event loop on the sustained POST run too, and reports its compactions', () => {
    const calm = results([
      run('simulator', 'post', 100_000, result(600, 8, 45), 20),
      { ...run('simulator', 'post-sustained', 100_000, result(600, 8, 45), 64), compactions: 3 },
    ]);
    const loop = verdicts(calm).find((v) => v.goal.startsWith('persistence'));
    expect(loop?.met).toBe(false);
    expect(loop?.detail).toMatch(/^sustained at 100,000 \(1 s, 3 compactions\): event loop max 64\.0 ms/);
    expect(formatMarkdown(calm)).toContain('3 log compactions during the run');
  });

  it('judges persistence by the store\'s longest step where the simulator reports it, the collector\'s pauses and bare Express beside it', () => {
    const withSteps = (step: number) => results([
      { ...run('simulator', 'post', 100_000, result(600, 8, 45), 20), loop: { maxMs: 20, p99Ms: 5, persistenceMaxMs: 4 } },
      { ...run('simulator', 'post-sustained', 100_000, result(600, 8, 45)), loop: { maxMs: 70, p99Ms: 6, gcMaxMs: 66, persistenceMaxMs: step, persistenceWallMaxMs: step + 40 }, compactions: 2 },
      { ...run('express', 'post-sustained', 100_000, result(900, 5, 30)), loop: { maxMs: 61, p99Ms: 5, gcMaxMs: 58 } },
    ]);
    const judged = (step: number) => verdicts(withSteps(step)).find((v) => v.goal.startsWith('persistence'));
    expect(judged(12)?.met).toBe(true);
    expect(judged(51)?.met).toBe(false);
    expect(judged(12)?.detail).toBe('sustained at 100,000 (1 s, 2 compactions): longest persistence step 12.0 ms (52.0 ms with the garbage-collection pauses inside it); event loop max 70.0 ms'
      + ' (longest garbage-collection pause 66.0 ms), p99 6.00 ms; 100,000: longest persistence step 4.00 ms; event loop max 20.0 ms, p99 5.00 ms'
      + '; the same sustained POST on bare Express, nothing persisted: event loop max 61.0 ms (longest garbage-collection pause 58.0 ms)');
  });

  it('says "not measured" when a server is missing, and the report still renders', () => {
    const partial = results([run('express', 'get-key', 1_000, result(1000, 1, 2))]);
    expect(verdicts(partial).every((v) => v.met === undefined)).toBe(true);
    const oneSize = { ...good, sizes: [100_000] };
    const slowdown = verdicts(oneSize).find((v) => v.goal.includes('twice as slow'));
    expect(slowdown?.met).toBeUndefined();
    expect(formatMarkdown(partial)).toContain('NOT MEASURED');
  });
});
