import os from 'node:os';
import type { TargetProcess } from '../lib/target-process';
import type { Pacing, WindowFigures } from './engine-ipc';
import { type EngineProcess, withSiteAndEngine } from './engine-process';
import {
  backlogTrend, type CheckResult, type EngineResults, figure, type LatencyRow, ratePerSecond, summarize, type ThroughputRow,
} from './engine-stats';

/**
 * The engine part of `npm run bench`: the simulated site and the engine each in a process of their
 * own, this process as the load driver. Latency levels: N conversations, each sending its next
 * customer message as soon as the previous one's activity is in Creatio, for a few seconds.
 * Sustained: 50 conversations with several messages in flight each, paced on sync (the rate the
 * engine keeps up) and then on acknowledgement (the rate it accepts, and the backlog that builds).
 */

export interface EnginePlan {
  levels: number[];
  levelSeconds: number;
  throughputConversations: number;
  /** Messages in flight per conversation in the throughput run (the bound on the load). */
  throughputDepth: number;
  throughputSeconds: number;
  /** How long to wait for the outbox to empty after a window before reporting what is left. */
  drainTimeoutMs: number;
  /** The engine's `concurrency` option; undefined: the engine's default. */
  concurrency?: number;
  /** The engine's `batchLimit` option (outbox items per $batch); undefined: the engine's default. */
  batchLimit?: number;
  /** The engine's `batchesInFlight` option (shared $batch requests at once); undefined: the engine's default. */
  batchesInFlight?: number;
}

// Questions the simulated AI's default knowledge base answers, with neutral sentiment: no handoff
// changes the workload half-way (each customer message stays a customer activity plus an AI reply).
const QUESTIONS = [
  'Which payment methods do you accept?', 'How long does shipping take?',
  'Do you ship internationally?', 'What is the warranty on Lumen products?',
];
let sequence = 0;
const nextText = (): string => `${QUESTIONS[sequence % QUESTIONS.length]} (bench message ${++sequence})`;

/** Checks over OData that each sampled activity exists in the site, on its case, with the message text. */
async function checkActivities(site: TargetProcess, sample: WindowFigures['sample']): Promise<CheckResult> {
  const picked = sample.slice(0, 20);
  const problems: string[] = [];
  let found = 0;
  for (const s of picked) {
    const response = await fetch(`${site.url}/0/odata/Activity(${s.activityId})?$select=Id,CaseId,Body`, { headers: site.headers });
    if (!response.ok) {
      problems.push(`Activity(${s.activityId}): HTTP ${response.status}`);
      continue;
    }
    const row = (await response.json()) as { CaseId?: string; Body?: string };
    if (row.CaseId?.toLowerCase() !== s.caseId.toLowerCase()) problems.push(`Activity(${s.activityId}): CaseId ${row.CaseId} instead of ${s.caseId}`);
    else if (!row.Body?.includes(s.text)) problems.push(`Activity(${s.activityId}): Body does not carry the message`);
    else found += 1;
  }
  return { sampled: picked.length, found, problems };
}

/** Each conversation keeps `depth` messages in flight until `ms` have passed. */
async function drive(engine: EngineProcess, conversationIds: readonly string[], depth: number, ms: number, pacing: Pacing): Promise<void> {
  const until = performance.now() + ms;
  const lane = async (id: string): Promise<void> => {
    while (performance.now() < until) await engine.send(id, nextText(), pacing);
  };
  await Promise.all(conversationIds.flatMap((id) => Array.from({ length: depth }, () => lane(id))));
}

async function window(engine: EngineProcess, ids: readonly string[], depth: number, seconds: number, drainTimeoutMs: number, pacing: Pacing): Promise<WindowFigures> {
  await engine.mark();
  await drive(engine, ids, depth, seconds * 1000, pacing);
  return engine.collect(drainTimeoutMs);
}

async function latencyLevel(engine: EngineProcess, site: TargetProcess, conversations: number, plan: EnginePlan): Promise<LatencyRow> {
  const ids = await engine.open(`level${conversations}`, conversations);
  site.resetLoopDelay();
  const f = await window(engine, ids, 1, plan.levelSeconds, plan.drainTimeoutMs, 'synced');
  const siteStats = await site.stats();
  return {
    siteLoopMaxMs: siteStats.loopMaxMs, siteGcMaxMs: siteStats.gcMaxMs ?? Number.NaN,
    conversations, seconds: plan.levelSeconds, visible: summarize(f.visibleMs), sync: summarize(f.syncMs), ack: summarize(f.ackMs),
    ackedPerSecond: ratePerSecond(f.receivedAtMs, plan.levelSeconds * 1000),
    notSynced: f.receivedAtMs.length - f.syncMs.length,
    ...(f.drainedAfterMs === undefined ? {} : { drainedAfterMs: f.drainedAfterMs - plan.levelSeconds * 1000 }),
    retries: f.retries, deadLetters: f.deadLetters, loopMaxMs: f.loopMaxMs, gcMaxMs: f.gcMaxMs, check: await checkActivities(site, f.sample),
  };
}

async function throughput(engine: EngineProcess, site: TargetProcess, plan: EnginePlan, pacing: Pacing): Promise<ThroughputRow> {
  const ids = await engine.open(`sustained-${pacing}`, plan.throughputConversations);
  const f = await window(engine, ids, plan.throughputDepth, plan.throughputSeconds, plan.drainTimeoutMs, pacing);
  const windowMs = plan.throughputSeconds * 1000;
  // backlog samples are taken every 250 ms from the window's start; only those inside the window count
  const samples = f.backlog.slice(0, Math.floor(windowMs / 250));
  return {
    pacing, conversations: plan.throughputConversations, seconds: plan.throughputSeconds,
    ackedPerSecond: ratePerSecond(f.receivedAtMs, windowMs), syncedPerSecond: ratePerSecond(f.syncedAtMs, windowMs),
    backlog: backlogTrend(samples, plan.throughputConversations * plan.throughputDepth), sync: summarize(f.syncMs),
    ...(f.drainedAfterMs === undefined ? {} : { drainedAfterMs: f.drainedAfterMs - windowMs }),
    retries: f.retries, deadLetters: f.deadLetters, loopMaxMs: f.loopMaxMs, rssMiB: f.rss / 2 ** 20,
    check: await checkActivities(site, f.sample),
  };
}

export async function benchEngine(plan: EnginePlan, tmp: string, nodeArgs: string[], track: (process: { stop(): Promise<void> }) => () => void): Promise<EngineResults> {
  const results: EngineResults = { cpus: os.cpus().length, levels: [], sustained: [] };
  console.log('  simulated site and engine: starting');
  const options = { ...(plan.concurrency ? { concurrency: plan.concurrency } : {}), ...(plan.batchLimit ? { batchLimit: plan.batchLimit } : {}), ...(plan.batchesInFlight ? { batchesInFlight: plan.batchesInFlight } : {}) };
  const error = await withSiteAndEngine('engine', { tmp, nodeArgs, track, engine: options }, async (site, engine) => {
    for (const n of plan.levels) {
      const row = await latencyLevel(engine, site, n, plan);
      results.levels.push(row);
      console.log(`  ${n} conversation(s): in Creatio p50 ${figure(row.visible.p50Ms)} ms, p95 ${figure(row.visible.p95Ms)} ms, p99 ${figure(row.visible.p99Ms)} ms over ${row.visible.count} messages; logged p99 ${figure(row.sync.p99Ms)} ms; ack p99 ${figure(row.ack.p99Ms)} ms; checked ${row.check.found}/${row.check.sampled}`);
    }
    // paced on sync first (what the engine sustains), then on acknowledgement (what it accepts; its
    // backlog may not drain, so it runs last)
    for (const pacing of plan.throughputSeconds > 0 ? (['synced', 'stored'] as const) : []) {
      const tp = await throughput(engine, site, plan, pacing);
      results.sustained.push(tp);
      console.log(`  sustained, ${tp.conversations} conversations x ${plan.throughputDepth} in flight until ${pacing}: ${figure(tp.ackedPerSecond)} msg/s acknowledged, ${figure(tp.syncedPerSecond)} msg/s synced; backlog ${figure(tp.backlog.start)} -> ${figure(tp.backlog.end)}; checked ${tp.check.found}/${tp.check.sampled}`);
    }
  });
  if (error !== undefined) results.error = error;
  return results;
}
