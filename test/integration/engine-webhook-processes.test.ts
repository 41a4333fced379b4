/**
 * Two-way sync end to end (issue 4 "Acceptance", first item): the site's two seed processes
 * (agent reply, case closure) point at the engine's webhook server; an agent works the case through
 * OData as a Creatio user would; the customer's conversation shows the reply, then the closure. The
 * engine's own transcript activities fire the agent-reply process too (its Task filter: echo
 * traffic) and deliver nothing. In both case-creation modes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSURE_NOTICE } from '../../engine';
import { startWebhookServer, type WebhookServer } from '../../lab';
import { type CreatioClient, formsClient, q, send } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';
import { type EngineHarness, engineSettings, SITE, startEngine } from '../support/engine-harness';

const TOKEN = 'test-token-0123456789abcdef';
const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6'; // reference creatio-api.md §3.4

let site: TestSite;
let dir: string;
let h: EngineHarness;
let server: WebhookServer;
let agent: CreatioClient;

beforeEach(async () => {
  site = await startTestSite();
  dir = await mkdtemp(join(tmpdir(), 'csl-webhook-bp-'));
  agent = await formsClient(site.url);
});
afterEach(async () => {
  await server.close();
  await h.stop();
  await site.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once `predicate` holds, checked on every engine event (no sleeping). */
function until(predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = h.engine.onEvent(() => {
      if (!predicate()) return;
      off();
      resolve();
    });
  });
}

const newActivityHooks = () => h.of('webhook.received').filter((e) => e.eventType === 'new_activity').length;

async function activityCount(caseId: string): Promise<number> {
  const reply = await agent.get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}&$select=Id`);
  expect(reply.status).toBe(200);
  return reply.json.value.length;
}

describe.each([
  { mode: 'a case on every conversation', createCaseOnlyOnHandoff: false },
  { mode: 'a case only on handoff', createCaseOnlyOnHandoff: true },
])('$mode', ({ createCaseOnlyOnHandoff }) => {
  it('an agent reply reaches the customer, the closure resolves the conversation, the engine\'s own writes deliver nothing', async () => {
    h = await startEngine({ settings: engineSettings(site.url, { webhookToken: TOKEN, createCaseOnlyOnHandoff }), dir });
    server = await startWebhookServer({ engine: h.engine });
    for (const template of ['agent-reply', 'case-closure']) {
      const created = await send(`${site.url}/__lab/processes`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ template, url: server.webhookUrl(TOKEN) }),
      });
      expect(created.status, created.text).toBe(201);
    }

    const c = await h.engine.startConversation({ customer: { name: 'Ann Lee', email: 'ann.lee@example.com' }, channel: 'web' });
    await h.engine.receiveMessage(c.id, 'Where is my order?');
    if (createCaseOnlyOnHandoff) await h.engine.requestHandoff(c.id, 'wants a human');
    await h.engine.whenIdle();
    const caseId = h.engine.getConversation(c.id)!.caseId!;
    const own = await activityCount(caseId);
    expect(own).toBeGreaterThanOrEqual(2);
    await until(() => newActivityHooks() >= own); // every transcript activity fired the process
    await h.engine.whenIdle();
    expect(h.delivered.filter((m) => m.role === 'agent')).toEqual([]);

    site.clock.advance(1);
    const written = await agent.post('Activity', {
      Title: 'Re: Where is my order?', Body: '<div>It left our warehouse &mdash; tracking <a href="x">ZX-1</a>.</div>', IsHtmlBody: true,
      TypeId: EMAIL_TYPE, CaseId: caseId,
    });
    expect(written.status, written.text).toBe(201);
    await until(() => h.of('reply.delivered').length >= 1);
    await h.engine.whenIdle();
    expect(h.delivered.filter((m) => m.role === 'agent')).toEqual([
      { id: written.json.Id, conversationId: c.id, role: 'agent', text: 'It left our warehouse — tracking ZX-1.' },
    ]);

    expect((await agent.patch(`Case(${caseId})`, { StatusId: SITE.resolvedStatusId })).status).toBe(204);
    await until(() => h.of('conversation.closed').length === 1);
    await h.engine.whenIdle();
    expect(h.engine.getConversation(c.id)!.status).toBe('resolved');
    expect(h.delivered.filter((m) => m.role === 'system').map((m) => m.text)).toEqual([CLOSURE_NOTICE]);

    // No loop: the engine resolves another conversation itself; the closure process fires; nothing more happens.
    const other = await h.engine.startConversation({ customer: { name: 'Bo Chen', email: 'bo.chen@example.com' }, channel: 'web' });
    await h.engine.receiveMessage(other.id, 'Cancel my order please');
    if (createCaseOnlyOnHandoff) await h.engine.requestHandoff(other.id, 'wants a human');
    await h.engine.whenIdle();
    await h.engine.resolveConversation(other.id);
    await h.engine.whenIdle();
    await until(() => h.of('webhook.ignored').some((e) => e.conversationId === other.id && e.eventType === 'case_closed'));
    expect(h.of('conversation.closed').map((e) => e.conversationId)).toEqual([c.id]);
    expect(h.delivered.filter((m) => m.role === 'system')).toHaveLength(1);
  });
});
