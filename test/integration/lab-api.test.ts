/**
 * The Lab API on a real lab (startLab: simulated site, engine, webhook receiver, fake chat) over
 * real HTTP: the acceptance flow with curl-like calls only, the event stream and its resumption,
 * the forwarded site admin routes, webhook sends, settings masking and rotation, snapshots, reset.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from '../../lab';

const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6';
const RESOLVED_STATUS = 'ae7f411e-f46b-1410-009b-0050ba5d6c38';

let lab: Lab;
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'csl-lab-api-'));
  lab = await startLab({ workspace, durability: 'none', seed: 7 });
});
afterAll(async () => {
  await lab?.close();
  await rm(workspace, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json; text: string }> {
  const response = await fetch(`${lab.urls.ui.replace(/\/$/, '')}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${lab.token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  let body: Json;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body, text };
}

interface StreamEvent { id: string; event: { seq: number; type: string; source: string; conversationId?: string; data: Json } }

/** Opens `GET /api/events` and reads it: `until(test)` resolves with the first event that passes. */
async function openEvents(query = '', headers: Record<string, string> = {}) {
  const response = await fetch(`${lab.urls.api}/events${query}`, { headers: { authorization: `Bearer ${lab.token}`, ...headers } });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const seen: StreamEvent[] = [];
  const pump = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id !== undefined && data !== undefined) seen.push({ id, event: JSON.parse(data) });
    }
  };
  return {
    seen,
    async until(test: (e: StreamEvent['event']) => boolean): Promise<StreamEvent> {
      for (;;) {
        const found = seen.find((e) => test(e.event));
        if (found) return found;
        await pump();
      }
    },
    close: () => reader.cancel(),
  };
}

async function oauthToken(): Promise<string> {
  const response = await fetch(`${lab.urls.creatio}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'case-sync-lab', client_secret: 'lab-client-secret-change-me' }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function odata(method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${lab.urls.creatio}/0/odata/${path}`, {
    method, body: JSON.stringify(body), headers: { authorization: `Bearer ${await oauthToken()}`, 'content-type': 'application/json' },
  });
}

describe('the Lab API on a real lab', () => {
  it('needs the token and a loopback Host, and sends no CORS header', async () => {
    expect((await api('/api/info', { headers: { authorization: '' } })).status).toBe(401);
    const info = await api('/api/info', { headers: { origin: 'http://evil.example' } });
    expect(info.body).toMatchObject({ mode: 'every-conversation', workspace, urls: { creatio: lab.urls.creatio, api: lab.urls.api } });
    expect(info.text).not.toContain(lab.settings().webhookToken);
  });

  it('runs the two-way flow: conversation → case over OData → agent reply → resolved', async () => {
    const events = await openEvents('?source=engine');
    const created = await api('/api/conversations', { method: 'POST', json: { customer: { name: 'Ana Lima', email: 'ana.lima@example.com' }, channel: 'web' } });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const said = await api(`/api/conversations/${id}/messages`, { method: 'POST', json: { text: 'Where is my order? It is late.' } });
    expect(said.status).toBe(202);
    expect(said.body.messages.map((m: Json) => m.role)).toEqual(['customer', 'ai']);

    const caseCreated = await events.until((e) => e.type === 'case.created' && e.conversationId === id);
    const caseId: string = caseCreated.event.data.caseId;
    const read = await api(`/api/conversations/${id}`);
    expect(read.body).toMatchObject({ id, status: 'open', caseId, caseCreated: true });
    expect(read.body.chat.entries.map((e: Json) => [e.role, e.state])).toEqual([['customer', 'shown'], ['ai', 'shown']]);

    const activity = await odata('POST', 'Activity', { Title: 'Re: your order', Body: 'It ships today.', TypeId: EMAIL_TYPE, CaseId: caseId });
    expect(activity.status).toBe(201);
    await events.until((e) => e.type === 'reply.delivered' && e.conversationId === id && e.data.role === 'agent');
    const replied = await api(`/api/conversations/${id}`);
    expect(replied.body.messages.at(-1)).toMatchObject({ role: 'agent', text: 'It ships today.' });

    expect((await odata('PATCH', `Case(${caseId})`, { StatusId: RESOLVED_STATUS })).status).toBe(204);
    await events.until((e) => e.type === 'conversation.closed' && e.conversationId === id);
    expect((await api(`/api/conversations/${id}`)).body.status).toBe('resolved');
    await events.close();

    const log = await api('/api/process-log');
    expect(log.body.entries.some((e: Json) => e.status === 'completed')).toBe(true);
    expect(log.text).not.toContain(lab.settings().webhookToken);
  });

  it('streams events with id = seq and resumes after Last-Event-ID or ?after=', async () => {
    const { body: history } = await api('/api/events/history');
    const last: number = history.lastSeq;
    expect(last).toBeGreaterThan(5);
    expect(history.events.at(-1).seq).toBe(last);
    const resumed = await openEvents('', { 'last-event-id': String(last - 3) });
    expect((await resumed.until(() => true)).event.seq).toBe(last - 2);
    await resumed.close();
    const after = await openEvents(`?after=${last - 1}`);
    const first = await after.until(() => true);
    expect(first.id).toBe(String(last));
    expect(first.event.seq).toBe(last);
    await after.close();
    const filtered = await api('/api/events/history?type=case.*,reply.delivered&source=engine');
    expect(new Set(filtered.body.events.map((e: Json) => e.type))).toEqual(new Set(['case.created', 'case.updated', 'case.resolved', 'reply.delivered'].filter((t) => history.events.some((e: Json) => e.type === t && e.source === 'engine'))));
    expect((await api('/api/events/history?source=nowhere')).body.error.problems[0].field).toBe('query.source.0');
  });

  it("forwards processes, faults, sessions and the journal to the site's admin API", async () => {
    const processes = await api('/api/processes');
    expect(processes.body.processes).toHaveLength(2);
    for (const p of processes.body.processes) expect(p.callWebService.url).toMatch(/\/backend\/creatio\/webhook\/\*\*\*$/);
    const first = processes.body.processes[0].id as string;
    expect((await api(`/api/processes/${first}/disable`, { method: 'POST' })).body.active).toBe(false);
    expect((await api(`/api/processes/${first}/enable`, { method: 'POST' })).body.active).toBe(true);
    expect((await api('/api/processes/nope')).status).toBe(404);
    expect((await api('/api/processes', { method: 'POST', json: { template: 'agent-reply' } })).body.error.problems[0].field).toBe('url');

    const set = await api('/api/faults', { method: 'PUT', json: { errorRate: 1, errorStatus: 503, retryAfterSeconds: 1 } });
    expect(set.status).toBe(200);
    expect((await api('/api/faults')).text).toContain('"errorRate":1');
    const bad = await api('/api/faults', { method: 'PUT', json: { errorRate: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems).toEqual([{ field: 'errorRate', problem: expect.any(String) }]);
    expect((await api('/api/faults', { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await api('/api/faults')).text).toContain('"errorRate":0');

    expect((await api('/api/creatio/expire-sessions', { method: 'POST' })).status).toBeLessThan(300);
    const journal = await api('/api/creatio/journal?limit=2');
    expect(journal.body.entries.length).toBeLessThanOrEqual(2);
    expect((await api('/api/creatio/journal?limit=x')).status).toBe(400);
  });

  it("sends raw webhooks to the engine's receiver and shows them in its log", async () => {
    const wrong = await api('/api/webhooks/send', { method: 'POST', json: { token: 'wrong', body: { event_type: 'case_closed', caseId: RESOLVED_STATUS } } });
    expect(wrong.body.status).toBe(404);
    const bad = await api('/api/webhooks/send', { method: 'POST', json: { body: '{"event_type":"nope"}' } });
    expect(bad.body.status).toBe(400);
    const log = await api('/api/webhooks');
    expect(log.body.entries.slice(-2).map((e: Json) => [e.token, e.status])).toEqual([['wrong', 404], ['valid', 400]]);
  });

  it('masks settings, keeps secrets on a *** round trip, and rotates the webhook token', async () => {
    const before = lab.settings();
    const { body: settings, text } = await api('/api/settings');
    expect(text).not.toContain('lab-client-secret-change-me');
    expect(text).not.toContain(before.webhookToken);
    expect((await api('/api/settings', { method: 'PUT', json: settings })).status).toBe(200);
    expect(lab.settings().auth).toEqual(before.auth);
    expect(lab.settings().webhookToken).toBe(before.webhookToken);

    const oldUrl = (await api('/api/settings/webhook-url')).body.url as string;
    expect(oldUrl).toBe(lab.webhookUrl());
    expect((await api('/api/settings/rotate-webhook-token', { method: 'POST' })).body.webhookUrl).toMatch(/\/\*\*\*$/);
    expect((await api('/api/settings/webhook-url')).body.url).not.toBe(oldUrl);
    const old = await api('/api/webhooks/send', { method: 'POST', json: { token: before.webhookToken, body: { event_type: 'case_closed' } } });
    expect(old.body.status).toBe(404);
  });

  it('saves, restores and lists snapshots, and resets the workspace', async () => {
    expect((await api('/api/workspace/snapshots', { method: 'POST', json: { name: 'after-flow' } })).status).toBe(201);
    expect((await api('/api/workspace/snapshots')).body.snapshots.map((s: Json) => s.name)).toContain('after-flow');
    expect((await api('/api/workspace/reset', { method: 'POST' })).body).toEqual({ ok: true });
    expect((await api('/api/conversations')).body.conversations).toEqual([]);
    expect((await api('/api/workspace/snapshots/after-flow/restore', { method: 'POST' })).status).toBe(200);
    expect((await api('/api/conversations')).body.conversations).toHaveLength(1);
    expect((await api('/api/workspace/snapshots/none/restore', { method: 'POST' })).status).toBe(404);
  });
});
