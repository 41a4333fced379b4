import { percentile } from '../lib/load';

/**
 * Pure figures of the engine bench: latency summaries, rates over a window, whether the outbox
 * backlog stayed bounded, and the two engine targets judged as met / not met (never
 * asserted: the bench measures and prints).
 */

export interface Summary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** Events per second among `times` (ms after the window's start) that fall inside the first `windowMs`. */
export function ratePerSecond(times: readonly number[], windowMs: number): number {
  if (windowMs <= 0) return Number.NaN;
  return times.filter((t) => t <= windowMs).length / (windowMs / 1000);
}

export interface BacklogTrend {
  /** Mean of the first and last quarter of the samples. */
  start: number;
  end: number;
  max: number;
  /** True when the backlog ended clearly higher than it started: the sync does not keep up. */
  grew: boolean;
}

/**
 * Unsynced-message samples over a window. A steady backlog (one message per conversation being
 * synced, give or take) is sustainable; one that keeps rising is not, whatever the ack rate.
 * `slack` absorbs the normal in-flight wobble (the number of conversations is a fair value).
 */
export function backlogTrend(samples: readonly number[], slack: number): BacklogTrend {
  if (samples.length === 0) return { start: Number.NaN, end: Number.NaN, max: Number.NaN, grew: false };
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (list: readonly number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const start = mean(samples.slice(0, quarter));
  const end = mean(samples.slice(-quarter));
  return { start, end, max: Math.max(...samples), grew: end > start * 1.5 + slack };
}

export interface CheckResult {
  sampled: number;
  /** Activities found over OData with the expected CaseId and the message text in their Body. */
  found: number;
  problems: string[];
}

export interface LatencyRow {
  conversations: number;
  seconds: number;
  /** To the answer of the request that made the activity: it is in Creatio (the target's figure). */
  visible: Summary;
  /** To the engine's `activity.logged`: it has also stored that the item is done. */
  sync: Summary;
  ack: Summary;
  ackedPerSecond: number;
  /** Messages acknowledged in the window whose activity was not logged before the collect timeout. */
  notSynced: number;
  drainedAfterMs?: number;
  retries: number;
  deadLetters: number;
  loopMaxMs: number;
  /** The engine process's longest garbage-collection pause in the window (ms). */
  gcMaxMs: number;
  /** The site process's event-loop delay maximum and longest GC pause in the window (ms). */
  siteLoopMaxMs: number;
  siteGcMaxMs: number;
  check: CheckResult;
}

export interface ThroughputRow {
  /** `synced`: a lane sends its next message once the previous one is in Creatio; `stored`: once acknowledged. */
  pacing: 'synced' | 'stored';
  conversations: number;
  seconds: number;
  ackedPerSecond: number;
  syncedPerSecond: number;
  backlog: BacklogTrend;
  sync: Summary;
  drainedAfterMs?: number;
  retries: number;
  deadLetters: number;
  loopMaxMs: number;
  rssMiB: number;
  check: CheckResult;
}

export interface EngineResults {
  cpus: number;
  levels: LatencyRow[];
  sustained: ThroughputRow[];
  error?: string;
}

export interface EngineVerdict {
  goal: string;
  met: boolean | undefined;
  detail: string;
}

/** A figure for the bench's text: 2 decimals under 10, 1 under 100, none above; '-' when there is none. */
export const figure = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const ms = (n: number): string => `${figure(n)} ms`;
const perSecond = (n: number): string => `${n.toFixed(0)} msg/s`;

/** The engine targets: p99 under 25 ms at 10 conversations; 1,000 messages/s sustained on 2 cores. */
export function engineVerdicts(results: EngineResults): EngineVerdict[] {
  const ten = results.levels.find((l) => l.conversations === 10);
  // the best rate at which the backlog stayed bounded
  const bounded = results.sustained.filter((t) => !t.backlog.grew).sort((a, b) => b.syncedPerSecond - a.syncedPerSecond);
  const tp = bounded[0] ?? results.sustained[0];
  return [
    {
      goal: 'customer message to activity in Creatio under 25 ms p99 at 10 conversations',
      met: ten && ten.visible.count > 0 ? ten.visible.p99Ms < 25 : undefined,
      detail: ten && ten.visible.count > 0
        ? `p99 ${ms(ten.visible.p99Ms)}, p95 ${ms(ten.visible.p95Ms)}, p50 ${ms(ten.visible.p50Ms)} (${ten.visible.count} messages; logged by the engine: p99 ${ms(ten.sync.p99Ms)})`
        : 'not measured',
    },
    {
      goal: `1,000 messages per second sustained (synced to Creatio, backlog bounded) on ${results.cpus} cores`,
      met: tp ? tp.syncedPerSecond >= 1000 && !tp.backlog.grew : undefined,
      detail: tp
        ? `${perSecond(tp.syncedPerSecond)} synced, ${perSecond(tp.ackedPerSecond)} acknowledged (paced on ${tp.pacing === 'synced' ? 'sync' : 'acknowledgement'}); unsynced backlog ${tp.backlog.start.toFixed(0)} -> ${tp.backlog.end.toFixed(0)} (${tp.backlog.grew ? 'grew' : 'bounded'})`
        : 'not measured',
    },
  ];
}
