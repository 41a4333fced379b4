/**
 * The sync engine under test, in a process of its own (bench/sync-engine/engine-process.ts forks it).
 * Real ports, as the lab wires them: the file store with fsync on a temp folder, the real clock,
 * crypto random ids, global fetch to the simulated site, a channel that records deliveries, and
 * the simulated AI with its default knowledge base. The parent sends customer messages over IPC;
 * this process times each one from the `receiveMessage` call to the answer of the request that
 * carried the message's activity (the fetch port below sees it: Creatio has committed the activity,
 * it is visible there), and to the engine's own `activity.logged` event for that message
 * (engine/events.ts), which comes once the engine has stored that it is done.
 * The engine's webhook server runs beside it (issue 4); each agent reply the channel takes is
 * forwarded to the parent at once (`delivered`), which times it (bench/sync-engine/reply-bench.ts).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import {
  type ActivityLogPayload, type Clock, createSimulatedAi, createSyncEngine, type EngineEvent, type EngineRecord, EngineSettings, type OutboundMessage,
} from '../../engine';
import { createFileStore, startWebhookServer, type WebhookServer } from '../../lab';
import type { EngineChildConfig, FromEngine, Pacing, ToEngine, WindowFigures } from './engine-ipc';

const config = JSON.parse(process.argv[2] ?? '{}') as EngineChildConfig;
const send = (message: FromEngine): void => void process.send?.(message);

const realClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

// Seed GUIDs of the simulated site (reference/creatio-api.md §3; copied, the bench does not read the simulator's internals).
const SUPERVISOR_CONTACT = '410006e1-ca4e-4502-a9ec-e54d922d2c00';
const FIRST_LINE_SUPPORT = 'b5d51a2d-c0dd-477b-b2aa-58034367ba26';

const settings = EngineSettings.parse({
  instanceUrl: config.siteUrl,
  auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' },
  webhookToken: 'bench-token-0123456789abcdef',
  defaultCaseOwnerId: SUPERVISOR_CONTACT,
  defaultCaseGroupId: FIRST_LINE_SUPPORT,
});

/** The channel only counts: keeping every reply would grow the heap for nothing. */
let delivered = 0;
let deliveredAtMark = 0;
let agentDelivered = 0;
let webhooks = 0;
let webhookWaiter: (() => void) | undefined;
let webhookServer: WebhookServer | undefined;
const store = createFileStore<EngineRecord>(join(config.workDir, 'engine-log.jsonl'), { fsync: true });
const engine = createSyncEngine({
  settings,
  ...(config.concurrency === undefined ? {} : { concurrency: config.concurrency }),
  ...(config.batchLimit === undefined ? {} : { batchLimit: config.batchLimit }),
  ...(config.batchesInFlight === undefined ? {} : { batchesInFlight: config.batchesInFlight }),
  ai: createSimulatedAi({}),
  ports: {
    clock: realClock,
    random: { next: Math.random, uuid: randomUUID },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      // the site answers once the request's records are committed: from now on they are visible in Creatio
      if (response.ok && awaitingActivity.size > 0 && typeof init?.body === 'string') {
        const at = performance.now();
        for (const [activityId, messageId] of awaitingActivity) if (init.body.includes(activityId)) visibleAt.set(messageId, at);
      }
      return response;
    },
    store,
    channel: {
      deliver: async (message: OutboundMessage) => {
        delivered += 1;
        if (message.role === 'agent') {
          agentDelivered += 1;
          send({ type: 'delivered', activityId: message.id, conversationId: message.conversationId });
        }
        return { delivered: true };
      },
    },
  },
});

/** Customer messages' activities queued and not yet logged: activity id → message id (from `outbox.enqueued`). */
const awaitingActivity = new Map<string, string>();
/** When the last 2xx answer carrying a message's activity came, by message id (a retry's later answer replaces a failed one's). */
const visibleAt = new Map<string, number>();

interface Sent {
  t0: number;
  text: string;
}
/** Customer messages acknowledged and not yet synced, by message id. */
const inFlight = new Map<string, Sent>();
/** activity.logged that arrived before its receiveMessage resolved (not expected; handled anyway). */
const early = new Map<string, { at: number; activityId: string; caseId: string }>();
const customerIds = new Set<string>();
/** Senders waiting for their message's activity (pacing `synced`). */
const syncWaiters = new Map<string, () => void>();
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let gcMaxMs = 0;
let gcTotalMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
    gcTotalMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

let markAt = performance.now();
let figures = emptyWindow();
let unsynced = 0;
let sampler: NodeJS.Timeout | undefined;

function emptyWindow(): Omit<WindowFigures, 'loopMaxMs' | 'loopP99Ms' | 'gcMaxMs' | 'gcTotalMs' | 'rss'> {
  return { syncMs: [], visibleMs: [], ackMs: [], receivedAtMs: [], syncedAtMs: [], backlog: [], sample: [], retries: 0, deadLetters: 0, delivered: 0, webhooks: 0, agentDelivered: 0 };
}

function synced(messageId: string, sent: Sent, at: number, activityId: string, caseId: string): void {
  const visible = visibleAt.get(messageId) ?? at;
  visibleAt.delete(messageId);
  awaitingActivity.delete(activityId);
  inFlight.delete(messageId);
  customerIds.delete(messageId);
  unsynced -= 1;
  syncWaiters.get(messageId)?.();
  syncWaiters.delete(messageId);
  if (sent.t0 < markAt) return; // sent before this window (warm-up)
  figures.syncMs.push(at - sent.t0);
  figures.visibleMs.push(visible - sent.t0);
  figures.syncedAtMs.push(at - markAt);
  // every 50th message is checked over OData afterwards (checkActivities in engine-bench.ts)
  if (figures.syncedAtMs.length % 50 === 1) figures.sample.push({ messageId, activityId, caseId, text: sent.text });
}

engine.onEvent((event: EngineEvent) => {
  if (event.type === 'message.received') customerIds.add(event.messageId);
  else if (event.type === 'outbox.enqueued' && event.kind === 'activity.log') {
    const payload = event.payload as ActivityLogPayload;
    if (payload.role === 'customer' && payload.messageId) awaitingActivity.set(payload.activityId, payload.messageId);
  }
  else if (event.type === 'retry.scheduled') figures.retries += 1;
  else if (event.type === 'outbox.dead-lettered') figures.deadLetters += 1;
  else if (event.type === 'webhook.received' && event.eventType === 'new_activity') {
    webhooks += 1;
    webhookWaiter?.();
  }
  else if (event.type === 'activity.logged' && event.messageId && customerIds.has(event.messageId)) {
    const at = performance.now();
    const sent = inFlight.get(event.messageId);
    if (sent) synced(event.messageId, sent, at, event.activityId, event.caseId);
    else early.set(event.messageId, { at, activityId: event.activityId, caseId: event.caseId });
  }
});

async function receive(conversationId: string, text: string, until: Pacing = 'stored'): Promise<void> {
  const t0 = performance.now();
  const result = await engine.receiveMessage(conversationId, text);
  const acked = performance.now();
  unsynced += 1;
  const sent = { t0, text };
  inFlight.set(result.message.id, sent);
  if (t0 >= markAt) {
    figures.ackMs.push(acked - t0);
    figures.receivedAtMs.push(acked - markAt);
  }
  const before = early.get(result.message.id);
  if (before) {
    early.delete(result.message.id);
    synced(result.message.id, sent, before.at, before.activityId, before.caseId);
  }
  if (until === 'synced' && inFlight.has(result.message.id)) {
    await new Promise<void>((resolve) => syncWaiters.set(result.message.id, resolve));
  }
}

async function open(prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
  await Promise.all(ids.map(async (_, n) => {
    const { id: conversationId } = await engine.startConversation({ customer: { name: `Bench ${prefix} ${n}`, email: `${prefix}.${n}@example.com` }, channel: 'web' });
    ids[n] = conversationId;
    await receive(conversationId, 'Hello, which payment methods do you accept?', 'synced');
  }));
  await engine.whenIdle();
  return ids;
}

function mark(): void {
  markAt = performance.now();
  deliveredAtMark = delivered;
  webhooks = 0;
  agentDelivered = 0;
  figures = emptyWindow();
  loop.reset();
  gcMaxMs = 0;
  gcTotalMs = 0;
  if (sampler) clearInterval(sampler);
  sampler = setInterval(() => figures.backlog.push(unsynced), 250);
}

/** Resolves true once `count` new_activity webhooks arrived since `mark`, false after `timeoutMs`. */
function webhooksReceived(count: number, timeoutMs: number): Promise<boolean> {
  if (webhooks >= count) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { webhookWaiter = undefined; resolve(false); }, timeoutMs);
    webhookWaiter = () => {
      if (webhooks < count) return;
      clearTimeout(timer);
      webhookWaiter = undefined;
      resolve(true);
    };
  });
}

async function collect(timeoutMs: number, expectedWebhooks = 0): Promise<WindowFigures> {
  let timer: NodeJS.Timeout | undefined;
  await webhooksReceived(expectedWebhooks, timeoutMs);
  const idle = await Promise.race([
    engine.whenIdle().then(() => true),
    new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); }),
  ]);
  clearTimeout(timer);
  if (sampler) clearInterval(sampler);
  sampler = undefined;
  const done = { ...figures, ...(idle ? { drainedAfterMs: performance.now() - markAt } : {}) };
  return { ...done, delivered: delivered - deliveredAtMark, webhooks, agentDelivered, loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6, gcMaxMs, gcTotalMs, rss: process.memoryUsage().rss };
}

process.on('message', (raw) => {
  const message = raw as ToEngine;
  const fail = (id: number | undefined) => (error: unknown) => send({ type: 'error', ...(id === undefined ? {} : { id }), message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  switch (message.type) {
    case 'send':
      receive(message.conversationId, message.text, message.until).then(() => send({ type: 'ack', id: message.id }), fail(message.id));
      break;
    case 'open':
      open(message.prefix, message.count).then((conversationIds) => send({ type: 'opened', id: message.id, conversationIds }), fail(message.id));
      break;
    case 'mark':
      mark();
      send({ type: 'marked', id: message.id });
      break;
    case 'collect':
      collect(message.timeoutMs, message.webhooks).then((result) => send({ type: 'collected', id: message.id, figures: result }), fail(message.id));
      break;
    case 'cases':
      send({ type: 'cased', id: message.id, caseIds: message.conversationIds.map((id) => engine.getConversation(id)?.caseId) });
      break;
    case 'stop':
      void (webhookServer?.close() ?? Promise.resolve()).then(() => engine.stop()).then(() => store.close()).finally(() => process.exit(0));
      break;
  }
});
// the parent going away (even killed) must not leave the engine behind
process.on('disconnect', () => process.exit());

// The engine's timers do not hold a process open (ports.ts, Clock): the IPC channel does.
engine.start()
  .then(async () => {
    webhookServer = await startWebhookServer({ engine });
    send({ type: 'ready', webhookUrl: webhookServer.webhookUrl(settings.webhookToken) });
  })
  .then(undefined, fail());
function fail() {
  return (error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  };
}
