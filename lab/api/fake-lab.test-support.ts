/**
 * A Lab for route-level tests of the Lab API: the real simulated site (for the forwarded admin
 * routes), the real event bus and webhook server, and a small in-memory engine and chat whose
 * behaviour the tests control. The full lab (startLab) is exercised in test/integration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  constantTimeEqual, EngineSettings, type ConversationView, type EngineSettingsInput, type OutboxItemView, type SyncEngine, type WebhookLogEntry,
} from '../../engine';
import type { ChatConversation, FakeChat } from '../../fake-chat';
import { startMockCreatio } from '../../mock-creatio';
import { createLabEventBus } from '../event-bus';
import type { Lab, LabEventBus } from '../lab.types';
import { startWebhookServer } from '../webhook-server';
import { createLabApiApp } from './lab-api';

/** A response body as JSON, loosely typed: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

export const TOKEN = 'test-api-token-0123456789abcdef';
const OUTBOX_DEAD: OutboxItemView = {
  id: 'item-dead', conversationId: 'c-1', seq: 1, kind: 'case.create', payload: { caseId: 'x' } as never, attempts: 10, nextAttemptAt: 0,
  state: 'dead', lastError: { code: 'CREATIO_BAD_REQUEST', message: 'no' }, enqueuedAt: '2026-01-01T00:00:00.000Z',
};

export interface FakeLabServer {
  lab: Lab;
  url: string;
  /** fetch on the API with the token (unless `headers.authorization` says otherwise). */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  calls: { testedSettings: EngineSettings[]; retried: string[]; clockMs: number[] };
  /** Listeners on the event bus right now. */
  subscribers(): number;
  close(): Promise<void>;
}

function fakeEngine(calls: FakeLabServer['calls'], conversations: Map<string, ConversationView>, settings: () => EngineSettings) {
  const outbox: OutboxItemView[] = [{ ...OUTBOX_DEAD }];
  const log: WebhookLogEntry[] = [];
  const engine: Partial<SyncEngine> = {
    getConversation: (id) => conversations.get(id),
    listConversations: () => [...conversations.values()],
    requestHandoff: async (id, reason) => {
      conversations.get(id)!.status = 'handed_off';
      return { reason: reason ?? 'manual', summary: 's', sentiment: 'neutral', language: 'en', timestamp: 't' };
    },
    resolveConversation: async (id) => void (conversations.get(id)!.status = 'resolved'),
    outbox: () => outbox.map((i) => ({ ...i })),
    retryDeadLetter: async (id) => {
      calls.retried.push(id);
      const item = outbox.find((i) => i.id === id)!;
      outbox[outbox.indexOf(item)] = { ...item, state: 'pending' };
    },
    webhookLog: () => log.map((e) => ({ ...e })),
    testSettings: async (candidate) => {
      calls.testedSettings.push(candidate);
      return { ok: false, problems: [{ field: 'defaultCaseOwnerId', message: 'no contact with Id x on this site' }] };
    },
    handleWebhook: async (request) => {
      const valid = constantTimeEqual(request.token, settings().webhookToken);
      log.push({ seq: log.length + 1, at: 't', token: valid ? 'valid' : 'wrong', size: request.contentLength ?? 0, body: request.body, status: valid ? 200 : 404, outcome: valid ? 'acknowledged' : 'rejected' });
      return valid ? { status: 200, body: { ok: true } } : { status: 404, body: { error: 'Not Found' } } as never;
    },
  };
  return engine as SyncEngine;
}

export async function startFakeLab(options: { heartbeatMs?: number; uiDir?: string } = {}): Promise<FakeLabServer> {
  const workspace = await mkdtemp(join(tmpdir(), 'csl-api-'));
  const site = await startMockCreatio({ workspace, durability: 'none' });
  const bus = createLabEventBus();
  let subscribers = 0;
  // Counts live subscriptions, so a test can see the event stream let go of its listener.
  const events: LabEventBus = {
    ...bus,
    subscribe(listener) {
      subscribers += 1;
      const off = bus.subscribe(listener);
      return () => {
        subscribers -= 1;
        off();
      };
    },
  };
  const calls: FakeLabServer['calls'] = { testedSettings: [], retried: [], clockMs: [] };
  let settings = EngineSettings.parse({
    instanceUrl: site.url, auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' },
    webhookToken: 'webhook-token-0123456789abcdef',
  });
  const conversations = new Map<string, ConversationView>();
  const chats = new Map<string, ChatConversation>();
  const engine = fakeEngine(calls, conversations, () => settings);
  const webhooks = await startWebhookServer({ engine });
  const chat = { get: (id: string) => chats.get(id), advanceClock: (ms: number) => void calls.clockMs.push(ms) } as unknown as FakeChat;
  let n = 0;
  const lab = {
    urls: { creatio: site.url, webhook: `${webhooks.url}/backend/creatio/webhook/***`, ui: 'http://127.0.0.1/', api: 'http://127.0.0.1/api' },
    token: TOKEN, workspace, site, engine, chat, events,
    mode: () => (settings.createCaseOnlyOnHandoff ? 'handoff-only' : 'every-conversation'),
    webhookUrl: () => webhooks.webhookUrl(settings.webhookToken),
    settings: () => settings,
    updateSettings: async (input: EngineSettingsInput) => (settings = EngineSettings.parse(input)),
    rotateWebhookToken: async () => void (settings = { ...settings, webhookToken: `rotated-${(n += 1)}-0123456789abcdefghij` }),
    startConversation: async (input) => {
      const id = `c-${(n += 1)}`;
      conversations.set(id, { id, channel: input.channel, customer: input.customer, status: 'open', caseCreated: false, startedAt: 't', messages: [] });
      chats.set(id, { id, channel: input.channel, customer: input.customer, entries: [] });
      events.publish({ source: 'lab', type: 'conversation.started', conversationId: id, data: {} });
      return id;
    },
    say: async (id, text) => {
      conversations.get(id)!.messages.push({ id: `m-${(n += 1)}`, conversationId: id, role: 'customer', text, at: 't' });
      chats.get(id)!.entries.push({ id: `e-${n}`, role: 'customer', text, at: 't', state: 'shown' });
    },
    whenIdle: async () => undefined,
    reset: async () => void conversations.clear(),
    saveSnapshot: async (name) => ({ name, createdOn: 't' }),
    restoreSnapshot: async () => undefined,
    listSnapshots: async () => [{ name: 'known', createdOn: 't' }],
    close: async () => undefined,
  } satisfies Lab;

  const app = createLabApiApp({ lab, token: TOKEN, ...options, version: '9.9.9' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    lab, url, calls, subscribers: () => subscribers,
    api(path, init = {}) {
      const { json, headers, ...rest } = init;
      return fetch(`${url}${path}`, {
        ...rest,
        headers: { authorization: `Bearer ${TOKEN}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await webhooks.close();
      await site.close();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
