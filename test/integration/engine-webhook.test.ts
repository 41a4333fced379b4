/**
 * The engine's webhook receiver over real HTTP (issue 4, "The engine's webhook receiver" and
 * "Acceptance"): the simulated site, the real engine, the lab's webhook server. An agent writes
 * activities on the case through OData (as a Creatio user would) and the test POSTs the webhook the
 * site's process would send; the recording channel shows what the customer got.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSURE_NOTICE } from '../../engine';
import { startWebhookServer, type WebhookServer } from '../../lab';
import { type CreatioClient, formsClient, send } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';
import { type EngineHarness, engineSettings, startEngine } from '../support/engine-harness';

const TOKEN = 'test-token-0123456789abcdef';
/** ActivityType "Email" (reference creatio-api.md §3.4). */
const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6';
const TASK_TYPE = 'fbe0acdc-cfc0-df11-b00f-001d60e938c6';

let site: TestSite;
let dir: string;
let h: EngineHarness;
let server: WebhookServer;
let agent: CreatioClient;

beforeEach(async () => {
  site = await startTestSite();
  dir = await mkdtemp(join(tmpdir(), 'csl-webhook-'));
  h = await startEngine({ settings: engineSettings(site.url, { webhookToken: TOKEN }), dir });
  server = await startWebhookServer({ engine: h.engine });
  agent = await formsClient(site.url);
});
afterEach(async () => {
  await server.close();
  await h.stop();
  await site.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** A conversation whose case is in Creatio (first message synced). */
async function conversationWithCase(name = 'Ann Lee'): Promise<{ id: string; caseId: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  const c = await h.engine.startConversation({ customer: { name, email }, channel: 'web' });
  await h.engine.receiveMessage(c.id, 'Where is my order?');
  await h.engine.whenIdle();
  const caseId = h.engine.getConversation(c.id)!.caseId!;
  expect(h.engine.getConversation(c.id)!.caseCreated).toBe(true);
  return { id: c.id, caseId };
}

/** The agent writes an activity on the case; the site clock moves 1 ms so CreatedOn orders them. */
async function agentWrites(caseId: string, body: string, options: { html?: boolean; typeId?: string } = {}): Promise<string> {
  site.clock.advance(1);
  const reply = await agent.post('Activity', {
    Title: 'Re: your order', Body: body, IsHtmlBody: options.html ?? false, TypeId: options.typeId ?? EMAIL_TYPE, CaseId: caseId,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.json.Id as string;
}

function hook(body: unknown, options: { token?: string; contentType?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  return send(server.webhookUrl(options.token ?? TOKEN), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const agentMessages = (conversationId?: string) =>
  h.delivered.filter((m) => m.role === 'agent' && (conversationId === undefined || m.conversationId === conversationId));

describe('new_activity', () => {
  it('delivers the agent reply once, HTML stripped, and never the engine\'s own activities', async () => {
    const { id, caseId } = await conversationWithCase();
    // Only the engine's transcript activities on the case: nothing to deliver.
    expect((await hook({ event_type: 'new_activity', caseId })).status).toBe(202);
    await h.engine.whenIdle();
    expect(agentMessages()).toEqual([]);

    const activityId = await agentWrites(caseId, '<p>Hello Ann,</p><p>Your order &amp; invoice ship <b>today</b>.<br>Bob</p>', { html: true });
    const first = await hook({ event_type: 'new_activity', caseId: caseId.toUpperCase(), extra: 'ignored' });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ status: 'accepted' });
    await h.engine.whenIdle();
    expect(await hook({ event_type: 'new_activity', caseId })).toMatchObject({ status: 202 });
    await h.engine.whenIdle();

    expect(agentMessages()).toEqual([{ id: activityId, conversationId: id, role: 'agent', text: 'Hello Ann,\n\nYour order & invoice ship today.\nBob' }]);
    const messages = h.engine.getConversation(id)!.messages;
    expect(messages.at(-1)).toMatchObject({ id: activityId, role: 'agent', text: 'Hello Ann,\n\nYour order & invoice ship today.\nBob' });
    expect(h.of('reply.delivered')).toHaveLength(1);
    // The engine does not log the agent's reply back to the case (no echo).
    await h.engine.receiveMessage(id, 'Thanks!');
    await h.engine.whenIdle();
    expect(await hook({ event_type: 'new_activity', caseId })).toMatchObject({ status: 202 });
    await h.engine.whenIdle();
    expect(agentMessages()).toHaveLength(1);

    const log = h.engine.webhookLog();
    expect(log.map((e) => e.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(log[1]!.result).toMatch(/1 new agent replies/);
    expect(JSON.stringify(log)).not.toContain(TOKEN);
  });

  it('keeps the event while Creatio is unreachable and delivers once it is back', async () => {
    const { caseId } = await conversationWithCase();
    await agentWrites(caseId, 'Plain text reply', { typeId: TASK_TYPE });
    expect((await send(`${site.url}/__lab/faults`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ errorRate: 1, errorStatus: 503 }),
    })).status).toBe(200);
    expect((await hook({ event_type: 'new_activity', caseId })).status).toBe(202);
    await h.waitFor('webhook.fetch-failed');
    expect(agentMessages()).toEqual([]);
    await send(`${site.url}/__lab/faults`, { method: 'DELETE' });
    await h.waitFor('reply.delivered');
    await h.engine.whenIdle();
    expect(agentMessages().map((m) => m.text)).toEqual(['Plain text reply']);
  });

  it('a webhook stored while Creatio is down survives a restart (and a compaction); nothing is delivered twice after it', async () => {
    const { id, caseId } = await conversationWithCase();
    await agentWrites(caseId, 'first');
    expect((await hook({ event_type: 'new_activity', caseId })).status).toBe(202);
    await h.engine.whenIdle();
    await agentWrites(caseId, 'second');
    await send(`${site.url}/__lab/faults`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ errorRate: 1, errorStatus: 503 }),
    });
    expect((await hook({ event_type: 'new_activity', caseId })).status).toBe(202);
    await h.waitFor('webhook.fetch-failed');
    await server.close();
    await h.stop();
    await send(`${site.url}/__lab/faults`, { method: 'DELETE' });
    h = await startEngine({ settings: engineSettings(site.url, { webhookToken: TOKEN }), dir, compactAfterRecords: 0 });
    server = await startWebhookServer({ engine: h.engine });
    await h.waitFor('reply.delivered');
    await h.engine.whenIdle();
    expect(h.delivered.map((m) => m.text)).toEqual(['second']);
    expect((await hook({ event_type: 'new_activity', caseId })).status).toBe(202);
    await h.engine.whenIdle();
    expect(h.delivered.map((m) => m.text)).toEqual(['second']);
    expect(h.engine.getConversation(id)!.messages.filter((m) => m.role === 'agent').map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('a case no conversation has is acknowledged and logged as ignored', async () => {
    const reply = await hook({ event_type: 'new_activity', caseId: '00000000-0000-4000-8000-000000000001' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: 'ignored' });
    expect(h.engine.webhookLog()[0]).toMatchObject({ outcome: 'ignored', status: 200 });
    expect(h.of('webhook.ignored')).toHaveLength(1);
  });
});

describe('token rotation', () => {
  it('a rotated token takes over at once: the old URL answers 404, the new one works', async () => {
    const body = { event_type: 'case_updated', caseId: '00000000-0000-4000-8000-000000000002' };
    expect((await hook(body)).status).toBe(200);
    const fresh = await h.engine.rotateWebhookToken();
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(fresh).not.toBe(TOKEN);
    expect((await hook(body)).status).toBe(404);
    expect((await hook(body, { token: fresh })).status).toBe(200);
    expect(JSON.stringify(h.events)).not.toContain(fresh);
  });
});

describe('case_closed and case_updated', () => {
  it('resolves the conversation with one notice; a second closure is harmless', async () => {
    const { id, caseId } = await conversationWithCase();
    expect((await hook({ event_type: 'case_updated', caseId })).json).toEqual({ status: 'acknowledged' });
    const first = await hook({ event_type: 'case_closed', caseId });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'resolved' });
    expect(h.engine.getConversation(id)!.status).toBe('resolved');
    const second = await hook({ event_type: 'case_closed', caseId });
    expect(second.json).toEqual({ status: 'already_resolved' });
    await h.engine.whenIdle();
    expect(h.delivered.filter((m) => m.role === 'system')).toEqual([expect.objectContaining({ conversationId: id, text: CLOSURE_NOTICE })]);
    expect(h.of('conversation.closed')).toHaveLength(1);
  });

  it('no loop: the engine resolving a conversation itself finds it resolved when the closure webhook comes', async () => {
    const { id, caseId } = await conversationWithCase();
    await h.engine.resolveConversation(id);
    await h.engine.whenIdle();
    expect(h.of('case.resolved')).toHaveLength(1);
    const reply = await hook({ event_type: 'case_closed', caseId });
    expect(reply.json).toEqual({ status: 'already_resolved' });
    await h.engine.whenIdle();
    expect(h.delivered.filter((m) => m.role === 'system')).toEqual([]);
    expect(h.of('conversation.closed')).toEqual([]);
  });
});

/** A small seeded PRNG (mulberry32): the generated traffic repeats. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

describe('acceptance', () => {
  it('200 replies over 20 cases, every webhook twice and shuffled, some late: each delivered once, in order', async () => {
    const random = prng(4);
    const cases: { id: string; caseId: string }[] = [];
    for (let i = 0; i < 20; i += 1) cases.push(await conversationWithCase(`Customer ${i}`));
    const written = new Map<string, string[]>(cases.map((c) => [c.id, []]));
    let late: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const hooks: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        const c = cases[Math.floor(random() * cases.length)]!;
        const text = `reply ${round}-${i} to ${c.id.slice(0, 8)}`;
        await agentWrites(c.caseId, text);
        written.get(c.id)!.push(text);
        const body = JSON.stringify({ event_type: 'new_activity', caseId: c.caseId });
        hooks.push(body, body);
      }
      shuffle(hooks, random);
      // A few webhooks of each round arrive only in the next round (late).
      const now = [...late, ...hooks.slice(0, 34)];
      late = hooks.slice(34);
      const replies = await Promise.all(shuffle(now, random).map((body) => hook(body)));
      expect(replies.every((r) => r.status === 202)).toBe(true);
    }
    await Promise.all(late.map((body) => hook(body)));
    await h.engine.whenIdle();
    const ids = agentMessages().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) expect(agentMessages(c.id).map((m) => m.text)).toEqual(written.get(c.id));
    expect(agentMessages()).toHaveLength(200);
  }, 60_000);

  it('5,000 generated bad requests: every one a 4xx with a JSON error, nothing delivered, the receiver still works', async () => {
    const { caseId } = await conversationWithCase();
    await agentWrites(caseId, 'must only arrive after the bad traffic');
    const random = prng(5000);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const good = { event_type: 'new_activity', caseId };
    const tokens = ['', 'x', TOKEN.slice(1), `${TOKEN}x`, TOKEN.toUpperCase(), TOKEN.replace('0', '1'), 'a'.repeat(TOKEN.length), '%E0%A4%A', '..%2F..%2Fadmin'];
    const badBodies: unknown[] = [
      '', '{', 'null', '[]', '"new_activity"', '42', 'true', '{"event_type":"new_activity","caseId":"', '\u0000',
      {}, { event_type: 'new_activity' }, { caseId }, { event_type: 'case_reopened', caseId }, { event_type: '', caseId },
      { event_type: 'NEW_ACTIVITY', caseId }, { event_type: ['new_activity'], caseId }, { event_type: null, caseId },
      { event_type: 'new_activity', caseId: '' }, { event_type: 'new_activity', caseId: '[#Case.Id#]' },
      { event_type: 'new_activity', caseId: caseId.slice(1) }, { event_type: 'new_activity', caseId: `${caseId}0` },
      { event_type: 'new_activity', caseId: `{${caseId}}` }, { event_type: 'new_activity', caseId: caseId.replace(/-/g, '') },
      { event_type: 'new_activity', caseId: caseId.replace(/^./, 'g') }, { event_type: 'new_activity', caseId: 12 },
      { event_type: 'new_activity', caseId: { id: caseId } },
    ];
    const contentTypes = [null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json', 'application/jsonp'];
    const big = JSON.stringify({ ...good, pad: 'x'.repeat(64 * 1024) });
    const generate = (): Promise<{ status: number; json: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const kind = Math.floor(random() * 5);
      if (kind === 0) return hook(random() < 0.5 ? good : pick(badBodies), { token: pick(tokens) });
      if (kind === 1) return hook(pick(badBodies));
      if (kind === 2) return hook(good, { contentType: pick(contentTypes) });
      if (kind === 3) return random() < 0.1 ? hook(big) : hook(good, { token: pick(tokens), contentType: pick(contentTypes) });
      const method = pick(['GET', 'PUT', 'DELETE', 'PATCH']);
      return send(`${server.url}${pick(['/backend/creatio/webhook/', '/backend/creatio/webhook/' + TOKEN, '/', '/backend/creatio/'])}`, { method });
    };
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 100; batch += 1) {
      const replies = await Promise.all(Array.from({ length: 50 }, generate));
      for (const reply of replies) {
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect(typeof reply.json?.error?.code).toBe('string');
        expect(typeof reply.json?.error?.message).toBe('string');
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      }
    }
    expect([...statuses.keys()].sort()).toEqual([400, 404, 413, 415]);
    await h.engine.whenIdle();
    expect(agentMessages()).toEqual([]);
    expect(h.engine.webhookLog()).toHaveLength(1_000);
    expect(JSON.stringify(h.engine.webhookLog())).not.toContain(TOKEN);
    // Still standing: the next good webhook delivers.
    expect((await hook(good)).status).toBe(202);
    await h.engine.whenIdle();
    expect(agentMessages().map((m) => m.text)).toEqual(['must only arrive after the bad traffic']);
  }, 60_000);

  it('a wrong token learns nothing: the same answer as any unknown URL', async () => {
    const { caseId } = await conversationWithCase();
    const answers = await Promise.all([
      hook({ event_type: 'new_activity', caseId }, { token: 'wrong-token-0123456789abcd' }),
      hook('not json', { token: 'x', contentType: 'text/plain' }),
      send(`${server.url}/backend/creatio/webhook/`, { method: 'POST' }),
      send(`${server.url}/anything`, { method: 'GET' }),
      send(server.webhookUrl(TOKEN), { method: 'GET' }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.text).toBe('{"error":{"code":"NOT_FOUND","message":"Not found"}}');
      expect(answer.headers.get('content-type')).toBe(answers[0]!.headers.get('content-type'));
    }
  });
});
