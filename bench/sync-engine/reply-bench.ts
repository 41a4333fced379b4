import type { ProcessLogEntry } from '../../mock-creatio/index';
import type { TargetProcess } from '../lib/target-process';
import { type EngineProcess, withSiteAndEngine } from './engine-process';
import { figure, summarize } from './engine-stats';
import { createReplyLedger, paceLabel, type ReplyLedger, type ReplyResults, type ReplyRow, replyRow } from './reply-stats';

/**
 * The replies part of `npm run bench` (issue 4): an agent's Email activity written over OData to the
 * simulated site, its agent-reply business process POSTing `new_activity` to the engine's webhook
 * server, the engine reading the case's activities and its channel taking the reply. The site and
 * the engine each run in a process of their own (the engine's webhook server in the engine's); this
 * process is the agents. Both ends are timed here, with this process's `performance.now()`: just
 * before the POST is sent, and when the engine process's `delivered` IPC message arrives (so the
 * figure includes that IPC hop, tens of microseconds).
 */

/** `intervalMs`: each agent writes a reply every so often (paced); undefined: the next once the last was delivered. */
export interface ReplyLevel {
  agents: number;
  intervalMs?: number;
}

export interface ReplyPlan {
  levels: ReplyLevel[];
  /** Conversations (each with its case) the agents share; agent k answers cases k, k + agents, ... in turn. */
  conversations: number;
  seconds: number;
  /** An unmeasured run before each level (JIT, connections). */
  warmupSeconds: number;
  /** How long a reply may take before the agent gives up on it (it then counts as not delivered). */
  deliveryTimeoutMs: number;
}

// reference creatio-api.md §3.4 (Activity TypeId "Email"); copied, the bench does not read the simulator's internals
const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6';

let sequence = 0;

interface Window {
  ledger: ReplyLedger;
  failedPosts: number;
}

/** One agent reply: the POST, then (resolving once) its delivery or the timeout. */
async function write(site: TargetProcess, caseId: string, plan: ReplyPlan, w: Window): Promise<void> {
  const n = ++sequence;
  const body = JSON.stringify({ Title: `Re: your question (${n})`, Body: `Agent reply ${n}: here is the answer.`, TypeId: EMAIL_TYPE, CaseId: caseId });
  const t0 = performance.now();
  const response = await fetch(`${site.url}/0/odata/Activity`, {
    method: 'POST', headers: { ...site.headers, 'content-type': 'application/json', accept: 'application/json' }, body,
  });
  const answeredAt = performance.now();
  const json = (await response.json().catch(() => ({}))) as { Id?: string };
  if (response.status !== 201 || !json.Id) {
    w.failedPosts += 1;
    return;
  }
  w.ledger.written(json.Id, t0, answeredAt);
  await w.ledger.whenDelivered(json.Id, plan.deliveryTimeoutMs);
}

/**
 * Agents write replies round-robin over their own cases for `ms`. Paced (`intervalMs`): each agent
 * writes one every `intervalMs` whatever happened to the last (open loop; agents staggered evenly),
 * a steady load. Unpaced: each writes its next once the last was delivered (closed loop), the most
 * the pipeline carries, where latency is agents / throughput.
 */
async function drive(site: TargetProcess, caseIds: readonly string[], level: ReplyLevel, ms: number, plan: ReplyPlan, w: Window): Promise<void> {
  const { agents, intervalMs } = level;
  const start = performance.now();
  const until = start + ms;
  const agent = async (k: number): Promise<void> => {
    const mine = caseIds.filter((_, i) => i % agents === k);
    const inFlight: Promise<void>[] = [];
    for (let turn = 0; performance.now() < until; turn += 1) {
      const caseId = mine[turn % mine.length] ?? '';
      if (intervalMs === undefined) {
        await write(site, caseId, plan, w);
        continue;
      }
      const due = start + (k / agents + turn) * intervalMs;
      if (due >= until) break;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(write(site, caseId, plan, w));
    }
    await Promise.all(inFlight);
  };
  await Promise.all(Array.from({ length: agents }, (_, k) => agent(k)));
}

/** The site's process log for the window (emptied at its start): webhook response times and failed runs. */
async function processLog(site: TargetProcess): Promise<{ timesMs: number[]; errors: number }> {
  const response = await fetch(`${site.url}/__lab/process-log?limit=1000`, { headers: site.headers });
  if (!response.ok) return { timesMs: [], errors: 0 };
  const { entries = [] } = (await response.json()) as { entries?: ProcessLogEntry[] };
  return {
    timesMs: entries.flatMap((e) => (e.response ? [e.response.timeMs] : [])),
    errors: entries.filter((e) => e.status === 'error').length,
  };
}

async function measureLevel(engine: EngineProcess, site: TargetProcess, caseIds: readonly string[], level: ReplyLevel, plan: ReplyPlan): Promise<ReplyRow> {
  const run = async (seconds: number) => {
    const w: Window = { ledger: createReplyLedger(), failedPosts: 0 };
    engine.onDelivered((activityId) => w.ledger.delivered(activityId, performance.now()));
    await fetch(`${site.url}/__lab/process-log`, { method: 'DELETE', headers: site.headers });
    await engine.mark();
    await drive(site, caseIds, level, seconds * 1000, plan, w);
    // every write fires one webhook: wait for all of them, then for the engine to finish what they started,
    // so a late duplicate would still be counted
    const f = await engine.collect(plan.deliveryTimeoutMs, w.ledger.figures().written);
    return { w, f };
  };
  if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
  const { w, f } = await run(plan.seconds);
  const log = await processLog(site);
  return replyRow({
    agents: level.agents, ...(level.intervalMs === undefined ? {} : { intervalMs: level.intervalMs }), conversations: caseIds.length, seconds: plan.seconds, failedPosts: w.failedPosts,
    webhooks: f.webhooks, engineDelivered: f.agentDelivered, loopMaxMs: f.loopMaxMs,
    webhookCall: summarize(log.timesMs), processErrors: log.errors,
  }, w.ledger.figures());
}

export async function benchReplies(plan: ReplyPlan, tmp: string, nodeArgs: string[], track: (process: { stop(): Promise<void> }) => () => void): Promise<ReplyResults> {
  const results: ReplyResults = { levels: [] };
  console.log('  simulated site and engine (with its webhook server): starting');
  const error = await withSiteAndEngine('replies', { tmp, nodeArgs, track }, async (site, engine) => {
    const conversationIds = await engine.open('replies', plan.conversations);
    const caseIds = await engine.cases(conversationIds);
    if (caseIds.some((id) => !id)) throw new Error('a conversation has no case after its first message');
    // the process is created once the conversations are set up, so their transcript activities fire nothing
    const created = await fetch(`${site.url}/__lab/processes`, {
      method: 'POST', headers: { ...site.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'agent-reply', url: engine.webhookUrl }),
    });
    if (created.status !== 201) throw new Error(`creating the agent-reply process: HTTP ${created.status} ${await created.text()}`);
    for (const level of plan.levels) {
      const row = await measureLevel(engine, site, caseIds as string[], level, plan);
      results.levels.push(row);
      console.log(`  ${paceLabel(row)}: p50 ${figure(row.latency.p50Ms)} ms, p95 ${figure(row.latency.p95Ms)} ms, p99 ${figure(row.latency.p99Ms)} ms over ${row.latency.count} replies (${figure(row.latency.count / row.seconds)}/s); POST p50 ${figure(row.post.p50Ms)} ms; delivered ${row.delivered}/${row.written}`);
    }
  });
  if (error !== undefined) results.error = error;
  return results;
}
