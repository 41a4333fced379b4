import { describe, expect, it } from 'vitest';
import { backlogTrend, type EngineResults, engineVerdicts, type LatencyRow, ratePerSecond, summarize, type ThroughputRow } from './engine-stats';

describe('summarize', () => {
  it('gives exact percentiles of unsorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(summarize(values)).toEqual({ count: 100, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 });
  });
  it('is NaN, not zero, when nothing was measured', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.p99Ms).toBeNaN();
    expect(empty.maxMs).toBeNaN();
  });
});

describe('ratePerSecond', () => {
  it('counts only what happened inside the window', () => {
    expect(ratePerSecond([10, 500, 1999, 2000, 2500], 2000)).toBe(2);
    expect(ratePerSecond([], 1000)).toBe(0);
  });
});

describe('backlogTrend', () => {
  it('calls a steady backlog bounded', () => {
    const steady = [190, 200, 195, 198, 192, 200, 199, 197];
    expect(backlogTrend(steady, 200)).toMatchObject({ grew: false, max: 200 });
  });
  it('calls a rising backlog grown', () => {
    const rising = Array.from({ length: 16 }, (_, i) => 200 + i * 300);
    const trend = backlogTrend(rising, 200);
    expect(trend.grew).toBe(true);
    expect(trend.end).toBeGreaterThan(trend.start);
  });
  it('does not call the normal in-flight wobble growth', () => {
    expect(backlogTrend([0, 0, 10, 40, 50, 30, 45, 50], 50).grew).toBe(false);
  });
});

const summary = (p99: number) => ({ count: 100, p50Ms: p99 / 3, p95Ms: p99 / 2, p99Ms: p99, maxMs: p99 });
const check = { sampled: 1, found: 1, problems: [] };
/** `p99`: to the answer that made the activity (judged); the engine's own log comes 10 ms later. */
const level = (conversations: number, p99: number): LatencyRow => ({
  conversations, seconds: 5, visible: summary(p99), sync: summary(p99 + 10), ack: summary(1), ackedPerSecond: 100, notSynced: 0, retries: 0, deadLetters: 0, loopMaxMs: 5, gcMaxMs: 2, siteLoopMaxMs: 5, siteGcMaxMs: 2, check,
});
const sustained = (pacing: ThroughputRow['pacing'], synced: number, grew: boolean): ThroughputRow => ({
  pacing, conversations: 50, seconds: 10, ackedPerSecond: synced * 2, syncedPerSecond: synced,
  backlog: { start: 100, end: grew ? 5000 : 100, max: 5000, grew }, sync: summary(50), retries: 0, deadLetters: 0, loopMaxMs: 5, rssMiB: 100, check,
});

describe('engineVerdicts', () => {
  it('judges p99 at 10 conversations and the best bounded sustained rate', () => {
    const results: EngineResults = {
      cpus: 2, levels: [level(1, 5), level(10, 24), level(50, 300)],
      sustained: [sustained('synced', 1200, false), sustained('stored', 5000, true)],
    };
    expect(engineVerdicts(results).map((v) => v.met)).toEqual([true, true]);
    expect(engineVerdicts(results)[1]?.detail).toContain('1200 msg/s synced');
    expect(engineVerdicts(results)[0]?.detail).toMatch(/^p99 24\.0 ms.*logged by the engine: p99 34\.0 ms/);
  });
  it('does not count a rate whose backlog grew', () => {
    const results: EngineResults = { cpus: 2, levels: [level(10, 26)], sustained: [sustained('stored', 5000, true)] };
    expect(engineVerdicts(results).map((v) => v.met)).toEqual([false, false]);
  });
  it('says not measured when a figure is missing', () => {
    expect(engineVerdicts({ cpus: 2, levels: [], sustained: [] }).map((v) => v.met)).toEqual([undefined, undefined]);
  });
});
