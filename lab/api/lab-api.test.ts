/** Route-level tests of the Lab API over real HTTP (port 0), against a Lab with a fake engine and chat. */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_ROUTES, LabError } from '../../contract';
import { type FakeLabServer, json, startFakeLab, TOKEN } from './fake-lab.test-support';

let t: FakeLabServer;
beforeAll(async () => {
  t = await startFakeLab();
});
afterAll(async () => {
  await t.close();
});

/** A raw request (fetch will not let a test set Host). */
function raw(options: { path: string; method?: string; headers?: Record<string, string> }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function errorOf(response: Response) {
  return LabError.parse(await response.json()).error;
}

describe('security', () => {
  it('answers 401 with the one error shape without a token or with a wrong one', async () => {
    const none = await t.api('/api/conversations', { headers: { authorization: '' } });
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe('UNAUTHORIZED');
    const wrong = await t.api('/api/conversations', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).message).toMatch(/wrong/);
    const basic = await t.api('/api/settings', { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
  });

  it('lets the health check through without a token, and nothing else', async () => {
    const health = await t.api('/api/health', { headers: { authorization: '' } });
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await t.api('/api/info', { headers: { authorization: '' } })).status).toBe(401);
    expect((await t.api('/api/health/x', { headers: { authorization: '' } })).status).toBe(401);
  });

  it('rejects a Host that is not loopback (DNS rebinding), on the API and the UI', async () => {
    for (const path of ['/api/health', '/api/info', '/']) {
      const answer = await raw({ path, headers: { host: 'evil.example:80', authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).error.code).toBe('HOST_NOT_ALLOWED');
    }
    expect((await raw({ path: '/api/health', headers: { host: '127.0.0.1.evil.example' } })).status).toBe(403);
    for (const host of ['localhost:1234', '127.0.0.1', '[::1]:9']) {
      expect((await raw({ path: '/api/health', headers: { host } })).status).toBe(200);
    }
  });

  it('sends no CORS header, even to a request with an Origin, and refuses preflights', async () => {
    const answer = await t.api('/api/info', { headers: { origin: 'http://evil.example' } });
    expect(answer.status).toBe(200);
    expect([...answer.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const preflight = await raw({
      path: '/api/conversations', method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers bad JSON, a non-JSON body and a body over 1 MB in the one error shape', async () => {
    const bad = await t.api('/api/conversations', { method: 'POST', body: '{"customer":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('BAD_REQUEST');
    const text = await t.api('/api/conversations', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const big = await t.api('/api/conversations/c-1/messages', { method: 'POST', json: { text: 'x'.repeat(1_100_000) } });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown /api route 404 in the one shape', async () => {
    const answer = await t.api('/api/nope');
    expect(answer.status).toBe(404);
    expect((await errorOf(answer)).message).toContain('GET /api/nope');
  });
});

describe('conversations', () => {
  it('starts one (201), reads it with messages and the chat, lists it', async () => {
    const created = await t.api('/api/conversations', { method: 'POST', json: { customer: { name: 'Ana', email: 'ana@example.com' }, channel: 'web' } });
    expect(created.status).toBe(201);
    const conversation = await json(created);
    expect(conversation).toMatchObject({ channel: 'web', status: 'open', caseId: null, caseCreated: false, messages: [], chat: { channel: 'web', entries: [] } });
    const said = await t.api(`/api/conversations/${conversation.id}/messages`, { method: 'POST', json: { text: 'Hello' } });
    expect(said.status).toBe(202);
    expect((await json(said)).messages).toEqual([expect.objectContaining({ role: 'customer', text: 'Hello' })]);
    const read = await json(t.api(`/api/conversations/${conversation.id}`));
    expect(read.chat.entries[0]).toMatchObject({ role: 'customer', state: 'shown', text: 'Hello' });
    const list = await json(t.api('/api/conversations'));
    expect(list.conversations).toContainEqual(expect.objectContaining({ id: conversation.id, messageCount: 1 }));
  });

  it('names each bad field in a 400', async () => {
    const answer = await t.api('/api/conversations', { method: 'POST', json: { customer: { email: 'not-an-email' }, channel: 'fax' } });
    expect(answer.status).toBe(400);
    const error = await errorOf(answer);
    expect(error.problems?.map((p) => p.field).sort()).toEqual(['channel', 'customer.email', 'customer.name']);
    expect(error.message).toContain('customer.name');
    const empty = await t.api('/api/conversations/c-1/messages', { method: 'POST', json: { text: '   ' } });
    expect((await errorOf(empty)).problems).toEqual([{ field: 'text', problem: 'must not be empty' }]);
  });

  it('answers 404 for an unknown conversation on every conversation route', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/conversations/nope'], ['POST', '/api/conversations/nope/messages', { text: 'hi' }],
      ['POST', '/api/conversations/nope/handoff', {}], ['POST', '/api/conversations/nope/resolve'],
    ];
    for (const [method, path, json] of routes) {
      const answer = await t.api(path, { method, ...(json === undefined ? {} : { json }) });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(answer)).code).toBe('NOT_FOUND');
    }
  });

  it('hands off once (409 the second time) and resolves idempotently', async () => {
    const { id } = await json(t.api('/api/conversations', { method: 'POST', json: { customer: { name: 'Bo' }, channel: 'sms' } }));
    const handoff = await t.api(`/api/conversations/${id}/handoff`, { method: 'POST', json: { reason: 'asked' } });
    expect(await json(handoff)).toMatchObject({ handoff: { reason: 'asked' }, conversation: { status: 'handed_off' } });
    expect((await t.api(`/api/conversations/${id}/handoff`, { method: 'POST' })).status).toBe(409);
    for (let i = 0; i < 2; i += 1) {
      expect(await json(t.api(`/api/conversations/${id}/resolve`, { method: 'POST' }))).toMatchObject({ status: 'resolved' });
    }
  });

  it('moves the chat clock', async () => {
    expect((await t.api('/api/chat/advance-clock', { method: 'POST', json: { ms: -1 } })).status).toBe(400);
    expect(await json(t.api('/api/chat/advance-clock', { method: 'POST', json: { ms: 86_400_000 } }))).toEqual({ ok: true });
    expect(t.calls.clockMs).toEqual([86_400_000]);
  });
});

describe('settings', () => {
  it('masks every secret and keeps the stored one when *** comes back', async () => {
    const text = await (await t.api('/api/settings')).text();
    expect(text).not.toContain('lab-client-secret-change-me');
    expect(text).not.toContain(t.lab.settings().webhookToken);
    const settings = JSON.parse(text);
    expect(settings.auth.clientSecret).toBe('***');
    expect(settings.webhookToken).toBe('***');
    const put = await t.api('/api/settings', { method: 'PUT', json: { ...settings, createCaseOnlyOnHandoff: true } });
    expect(put.status).toBe(200);
    expect((await json(put)).auth.clientSecret).toBe('***');
    expect(t.lab.settings().auth).toMatchObject({ clientSecret: 'lab-client-secret-change-me' });
    expect(t.lab.settings().webhookToken).toBe('webhook-token-0123456789abcdef');
    expect(t.lab.mode()).toBe('handoff-only');
    await t.api('/api/settings', { method: 'PUT', json: { ...settings, auth: { kind: 'forms', userName: 'Supervisor', password: 'Supervisor' } } });
    expect((await json(t.api('/api/settings'))).auth).toEqual({ kind: 'forms', userName: 'Supervisor', password: '***' });
    // Switching back to OAuth: *** has no stored client secret to stand for, so it is required.
    const back = await t.api('/api/settings', { method: 'PUT', json: settings });
    expect((await errorOf(back)).problems).toEqual([{ field: 'auth.clientSecret', problem: 'is required' }]);
    await t.api('/api/settings', { method: 'PUT', json: { ...settings, auth: { ...settings.auth, clientSecret: 'lab-client-secret-change-me' } } });
  });

  it('names the engine rule a PUT breaks, and saves nothing', async () => {
    const settings = await json(t.api('/api/settings'));
    const before = t.lab.settings();
    const answer = await t.api('/api/settings', {
      method: 'PUT', json: { ...settings, instanceUrl: `${settings.instanceUrl}/`, defaultCaseOwnerId: 'nope', auth: { kind: 'oauth', clientId: '', clientSecret: '***' } },
    });
    expect(answer.status).toBe(400);
    const error = await errorOf(answer);
    expect(error.problems?.map((p) => p.field).sort()).toEqual(['auth.clientId', 'defaultCaseOwnerId', 'instanceUrl']);
    expect(error.problems?.find((p) => p.field === 'instanceUrl')?.problem).toMatch(/slash/);
    expect(t.lab.settings()).toBe(before);
  });

  it('tests the saved settings, or those in the body with *** filled in, answering problems by field', async () => {
    const saved = await json(t.api('/api/settings/test', { method: 'POST' }));
    expect(saved).toEqual({ ok: false, problems: [{ field: 'defaultCaseOwnerId', problem: 'no contact with Id x on this site' }] });
    const masked = await json(t.api('/api/settings'));
    await t.api('/api/settings/test', { method: 'POST', json: { ...masked, requestTimeoutMs: 1234 } });
    expect(t.calls.testedSettings.at(-1)).toMatchObject({ requestTimeoutMs: 1234, auth: { clientSecret: 'lab-client-secret-change-me' } });
  });

  it('gives the full webhook URL in one place only, and rotates the token', async () => {
    const { url } = await json(t.api('/api/settings/webhook-url'));
    expect(url).toBe(t.lab.webhookUrl());
    const info = await json(t.api('/api/info'));
    expect(info).toMatchObject({ version: '9.9.9', mode: 'every-conversation' });
    expect(info.urls.webhook).toMatch(/\/backend\/creatio\/webhook\/\*\*\*$/);
    const rotated = await json(t.api('/api/settings/rotate-webhook-token', { method: 'POST' }));
    expect(rotated.webhookUrl).toMatch(/\/\*\*\*$/);
    expect(t.lab.webhookUrl()).not.toBe(url);
  });
});

describe('outbox and webhooks', () => {
  it('lists the outbox and retries a dead letter (404 unknown, 409 not dead)', async () => {
    expect((await json(t.api('/api/outbox?state=dead'))).items).toHaveLength(1);
    expect((await t.api('/api/outbox?state=zombie')).status).toBe(400);
    expect((await t.api('/api/outbox/nope/retry', { method: 'POST' })).status).toBe(404);
    const retried = await json(t.api('/api/outbox/item-dead/retry', { method: 'POST' }));
    expect(retried.item.state).toBe('pending');
    expect((await t.api('/api/outbox/item-dead/retry', { method: 'POST' })).status).toBe(409);
  });

  it('sends real requests to the webhook receiver with the valid, a wrong or a given token', async () => {
    const valid = await json(t.api('/api/webhooks/send', { method: 'POST', json: { body: { event_type: 'new_activity' } } }));
    expect(valid).toEqual({ status: 200, body: { ok: true } });
    const wrong = await json(t.api('/api/webhooks/send', { method: 'POST', json: { token: 'wrong', body: 'not json', contentType: 'text/plain' } }));
    expect(wrong.status).toBe(404);
    const log = (await json(t.api('/api/webhooks'))).entries;
    expect(log.map((e: { token: string; body: string }) => [e.token, e.body])).toEqual([['valid', '{"event_type":"new_activity"}'], ['wrong', 'not json']]);
    expect((await t.api('/api/webhooks/send', { method: 'POST', json: { body: 5 } })).status).toBe(400);
  });
});

describe('workspace', () => {
  it('resets, saves, lists and restores snapshots (404 unknown, 400 bad name)', async () => {
    expect(await json(t.api('/api/workspace/reset', { method: 'POST' }))).toEqual({ ok: true });
    const saved = await t.api('/api/workspace/snapshots', { method: 'POST', json: { name: 'after case' } });
    expect((await errorOf(saved)).problems?.[0]?.field).toBe('name');
    expect((await t.api('/api/workspace/snapshots', { method: 'POST', json: { name: 'known' } })).status).toBe(201);
    expect((await json(t.api('/api/workspace/snapshots'))).snapshots).toEqual([{ name: 'known', createdOn: 't' }]);
    expect((await t.api('/api/workspace/snapshots/known/restore', { method: 'POST' })).status).toBe(200);
    expect((await t.api('/api/workspace/snapshots/unknown/restore', { method: 'POST' })).status).toBe(404);
  });
});

describe('the UI', () => {
  it('serves a placeholder without a token that says the UI is not built yet', async () => {
    const page = await fetch(`${t.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>[^<]*desktop UI is not built yet/);
    const docs = await fetch(`${t.url}/docs/lab-api.md`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('# The Lab API');
  });
});

describe('every route of the contract', () => {
  it('exists on the server (no "no Lab API route" 404)', async () => {
    for (const route of LAB_ROUTES.filter((r) => r.path !== '/api/events')) {
      const path = route.path.replace(':id', 'x').replace(':itemId', 'x').replace(':name', 'x');
      const answer = await t.api(path, { method: route.method.toUpperCase(), ...(route.body ? { json: {} } : {}) });
      const text = await answer.text();
      expect(text, `${route.method} ${route.path}`).not.toContain('No Lab API route');
    }
  });
});
