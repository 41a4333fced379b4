/**
 * The sync engine (issue 3): conversations with the simulated AI on one side, Creatio cases and
 * activities on the other, and a durable outbox in between. Every step is a transaction of durable
 * events (state/transaction.ts) written to the Store before the step's promise resolves — so a
 * customer message is stored before it is acknowledged — then the outbox writes to Creatio.
 */
import type { SimulatedAi } from './ai';
import { type CreatioClient, createCreatioClient } from './creatio';
import { EngineError } from './engine-error';
import type { DurableEvent, EngineEvent, EngineRecord, HandoffPayload } from './events';
import { createIntakeGate } from './outbox/intake-gate';
import { createOutboxRunner } from './outbox/outbox-runner';
import type { OutboxItemView } from './outbox/outbox-types';
import type { Channel as ChannelPort, Clock, Fetch, Random, Store } from './ports';
import { checkSettings, type SettingsProblem } from './settings-check';
import type { EngineSettings } from './settings';
import { loadLog } from './state/engine-log';
import { applyEvent, type ConversationState, createEngineState } from './state/reducer';
import { createTransaction, type Transaction } from './state/transaction';
import { createCreatioWriter } from './sync/creatio-writer';
import { type ConversationView, conversationView } from './views';
import { createConversationSteps, type ReceiveOptions, type ReceiveResult, type StartConversationInput } from './conversation-steps';
import { createReplySync, createWebhookReceiver, type WebhookLogEntry, type WebhookRequest, type WebhookResponse } from './webhook';

export type { ReceiveOptions, ReceiveResult, StartConversationInput } from './conversation-steps';

export interface SyncEngineOptions {
  settings: EngineSettings;
  ai: SimulatedAi;
  ports: { clock: Clock; random: Random; fetch: Fetch; store: Store<EngineRecord>; channel: ChannelPort };
  /** Most Creatio requests for the outbox in flight at once, one per conversation (default 50). */
  concurrency?: number;
  /**
   * Most outbox items of one conversation sent together as one OData `$batch` (default 50; 1: one
   * request per item, as before batching).
   */
  batchLimit?: number;
  /**
   * Most `$batch` requests in flight at once (default 4). While one is in flight, the writes of other
   * conversations wait and go out together in the next one; a second and later ones go out beside it
   * only for a whole batch's worth (100 requests) waiting (creatio/shared-batches.ts).
   */
  batchesInFlight?: number;
  /**
   * Outbox items not yet in Creatio from which a new customer message waits (at most 1 s, first come
   * first served) for the sync to catch up before it is stored, while the sync is making progress
   * (default 4,000; 0: never). Keeps intake from starving the sync under overload.
   */
  backlogLimit?: number;
  /** On start, a log longer than this many records is rewritten as one snapshot record (default 2,000). */
  compactAfterRecords?: number;
}

export interface SyncEngine {
  /** Loads and replays the store, then resumes the outbox. */
  start(): Promise<void>;
  /** Stops timers and waits for attempts in flight; no new attempts start. */
  stop(): Promise<void>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  startConversation(input: StartConversationInput): Promise<ConversationView>;
  /**
   * Stores the customer's message (durably) and the AI's answer, and queues their sync. A repeat with
   * the same `clientMessageId` returns the stored message and its reply and stores nothing.
   */
  receiveMessage(conversationId: string, text: string, options?: ReceiveOptions): Promise<ReceiveResult>;
  /** A manual handoff (from the inbox). */
  requestHandoff(conversationId: string, reason?: string): Promise<HandoffPayload>;
  resolveConversation(conversationId: string): Promise<void>;
  getConversation(id: string): ConversationView | undefined;
  listConversations(): ConversationView[];
  outbox(): OutboxItemView[];
  retryDeadLetter(itemId: string): Promise<void>;
  /** Test & Save: checks the connection and that the owner contact, group and resolved status exist. */
  testSettings(settings: EngineSettings): Promise<{ ok: boolean; problems: SettingsProblem[] }>;
  updateSettings(settings: EngineSettings): Promise<void>;
  /** Replaces the webhook token with a new random one (128 bits); the old URL answers 404 from now on. Returns the new token. */
  rotateWebhookToken(): Promise<string>;
  /**
   * One request to `POST /backend/creatio/webhook/<token>` as the host received it (issue 4): checked,
   * logged, and acted on. Never throws: every answer is a status and a JSON body.
   */
  handleWebhook(request: WebhookRequest): Promise<WebhookResponse>;
  /** The latest webhook requests (at most 1,000), good or bad, with what was done; token redacted. */
  webhookLog(): WebhookLogEntry[];
  /** Resolves when the outbox has nothing it can still do (dead letters and what waits behind them don't count). */
  whenIdle(): Promise<void>;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { ai, ports } = options;
  const { clock, random, store } = ports;
  let settings = options.settings;
  const makeClient = (): CreatioClient => createCreatioClient({
    instanceUrl: settings.instanceUrl, auth: settings.auth, fetch: ports.fetch, clock, timeoutMs: settings.requestTimeoutMs,
  });
  let client = makeClient();
  const state = createEngineState();
  const listeners = new Set<(event: EngineEvent) => void>();
  const writes = new Set<Promise<void>>();
  let phase: 'new' | 'running' | 'stopped' = 'new';
  const nowIso = () => new Date(clock.now()).toISOString();

  function emit(event: EngineEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (UI, test) must not break the sync.
      }
    }
  }

  /** Appends already-applied events as one record; emits them once they are durable. */
  async function write(events: DurableEvent[]): Promise<void> {
    if (events.length === 0) return;
    const done = store.append([{ v: 1, events }]);
    const tracked = done.then(() => undefined, () => undefined);
    writes.add(tracked);
    try {
      await done;
    } finally {
      writes.delete(tracked);
    }
    for (const event of events) emit(event);
  }

  const writer = createCreatioWriter({
    client: () => client, state, nowIso, ...(options.batchesInFlight === undefined ? {} : { batchesInFlight: options.batchesInFlight }),
  });
  const gate = createIntakeGate({
    clock, backlog: () => runner.backlog(), highWater: options.backlogLimit ?? 4_000, maxWaitMs: 1_000, stalledAfterMs: 1_000,
  });
  const runner = createOutboxRunner({
    clock, random, concurrency: options.concurrency ?? 50, emit, onProgress: () => gate.progressed(),
    retry: () => settings.outbox,
    execute: writer.execute,
    executeGroup: writer.executeGroup,
    groupLimit: options.batchLimit ?? 50,
    commit: async (events) => {
      for (const event of events) applyEvent(state, event);
      await write(events);
    },
  });

  async function persist(tx: Transaction): Promise<void> {
    await write(tx.events);
    for (const item of tx.items) runner.add(item);
    runner.pump();
  }

  function conversationOf(id: string): ConversationState {
    if (phase !== 'running') throw new EngineError('INTERNAL', `the engine is ${phase === 'new' ? 'not started' : 'stopped'}`);
    const conversation = state.conversations.get(id);
    if (!conversation) throw new EngineError('CONVERSATION_NOT_FOUND', `no conversation ${id}`, { conversationId: id });
    return conversation;
  }

  // Issue 4: the webhook receiver; its durable events go through the same commit as the outbox's.
  const commit = async (events: DurableEvent[]) => {
    for (const event of events) applyEvent(state, event);
    await write(events);
  };
  const replies = createReplySync({
    state, clock, random, channel: ports.channel, client: () => client, settings: () => settings, commit, emit,
    onHandled: (ids, summary) => ids.forEach((id) => webhooks.noteResult(id, summary)),
  });
  const webhooks = createWebhookReceiver({
    state, random, settings: () => settings, running: () => phase === 'running', commit, emit, nowIso, replies: () => replies,
  });

  const steps = createConversationSteps({
    state, random, clock, ai, emit, persist, conversationOf, nowIso, admit: () => gate.admit(),
    plan: () => ({ settings, random, ai }), channel: ports.channel,
  });

  return {
    async start() {
      if (phase !== 'new') return;
      const loaded = await loadLog(store, state, { compactAfterRecords: options.compactAfterRecords ?? 2_000, at: nowIso() });
      for (const item of state.outbox.values()) if (item.state !== 'done') runner.add(item);
      phase = 'running';
      const pending = [...state.outbox.values()].filter((i) => i.state === 'pending').length;
      emit({ type: 'engine.started', at: nowIso(), conversations: state.conversations.size, pending, records: loaded.records, compacted: loaded.compacted });
      runner.pump();
      replies.resume();
    },
    async stop() {
      if (phase === 'stopped') return;
      phase = 'stopped';
      gate.shut();
      await Promise.all([runner.stop(), replies.stop()]);
      await Promise.all([...writes]);
      emit({ type: 'engine.stopped', at: nowIso() });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    startConversation: (input) => {
      if (phase !== 'running') return Promise.reject(new EngineError('INTERNAL', 'the engine is not running'));
      return steps.startConversation(input);
    },
    receiveMessage: steps.receiveMessage,
    requestHandoff: steps.requestHandoff,
    resolveConversation: steps.resolveConversation,
    getConversation(id) {
      const c = state.conversations.get(id);
      return c ? conversationView(c) : undefined;
    },
    listConversations: () => [...state.conversations.values()].map(conversationView),
    outbox: () => [...state.outbox.values()].sort((a, b) => a.seq - b.seq).map((item) => ({ ...item })),
    async retryDeadLetter(itemId) {
      const item = state.outbox.get(itemId);
      if (!item || item.state !== 'dead') throw new EngineError('INTERNAL', `outbox item ${itemId} is not a dead letter`, { itemId });
      const tx = createTransaction(state, random, nowIso());
      tx.push({ type: 'outbox.retried', at: tx.at, conversationId: item.conversationId, itemId });
      await persist(tx);
    },
    handleWebhook: (request) => webhooks.handle(request),
    webhookLog: () => webhooks.log(),
    testSettings: (candidate) => checkSettings(candidate, { fetch: ports.fetch, clock }),
    async updateSettings(next) {
      settings = next;
      client = makeClient();
      emit({ type: 'settings.updated', at: nowIso() });
      runner.pump();
    },
    async rotateWebhookToken() {
      const token = newWebhookToken(random);
      settings = { ...settings, webhookToken: token };
      emit({ type: 'settings.updated', at: nowIso() });
      return token;
    },
    async whenIdle() {
      while (writes.size > 0) await Promise.all([...writes]);
      await runner.whenIdle();
      await replies.whenIdle();
    },
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 base64url characters from the Random port: 132 bits (the issue asks for 128 or more). */
export function newWebhookToken(random: Random): string {
  let token = '';
  for (let i = 0; i < 22; i++) token += BASE64URL[Math.floor(random.next() * 64)];
  return token;
}
