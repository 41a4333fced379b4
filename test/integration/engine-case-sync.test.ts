/**
 * The sync engine against the simulated Creatio site over real HTTP (issue 3 "Case sync",
 * "Acceptance"): both modes, case fields, one activity per message in order, AI fields, the
 * handoff note, resolution. Creatio's side is read back with a plain OData client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineSettingsInput } from '../../engine';
import { type CreatioClient, oauthClient, q } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';
import { type EngineHarness, engineSettings, SITE, startEngine } from '../support/engine-harness';

let site: TestSite;
let dir: string;
let creatio: CreatioClient;
const harnesses: EngineHarness[] = [];

beforeEach(async () => {
  site = await startTestSite();
  dir = await mkdtemp(join(tmpdir(), 'csl-engine-'));
  creatio = await oauthClient(site.url);
});
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.stop();
  await site.cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function engineWith(overrides: Partial<EngineSettingsInput> = {}): Promise<EngineHarness> {
  const h = await startEngine({ settings: engineSettings(site.url, overrides), dir });
  harnesses.push(h);
  return h;
}

async function readCase(id: string) {
  const reply = await creatio.get(`Case(${id})`);
  expect(reply.status).toBe(200);
  return reply.json;
}

async function activitiesOf(caseId: string): Promise<Record<string, string>[]> {
  const select = 'Id,Title,Body,StartDate,MessageTypeId,StatusId,TypeId,Sender,ContactId,CaseId';
  const reply = await creatio.get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}&$orderby=${q('StartDate asc')}&$select=${select}`);
  expect(reply.status).toBe(200);
  return reply.json.value;
}

async function casesOfContact(contactId: string): Promise<unknown[]> {
  return (await creatio.get(`Case?$filter=${q(`ContactId eq ${contactId}`)}&$select=Id`)).json.value;
}

const AI_FIELDS = [
  { fieldName: 'PriorityId', displayTitle: 'Priority', fieldType: 'dropdown', description: 'Critical / High / Medium / Low' },
  { fieldName: 'Solution', displayTitle: 'Product', fieldType: 'text', description: 'The product the customer asks about' },
  { fieldName: 'CategoryId', displayTitle: 'Category', fieldType: 'dropdown', description: 'Billing / Shipping / Returns' },
] as const;

describe('mode "on every conversation"', () => {
  it('creates the case at the first message, logs every message live, and brings the handoff to the case', async () => {
    const { engine, of, delivered } = await engineWith({ aiFields: [...AI_FIELDS] });
    // Maria Lopez is a seeded customer: found by email, not created again.
    const conversation = await engine.startConversation({ customer: { name: 'Maria Lopez', email: 'maria.lopez@example.com' }, channel: 'email' });
    const first = await engine.receiveMessage(conversation.id, 'Where is my order? How do I track it?');
    expect(first.reply?.text).toMatch(/track your order/);
    expect(delivered.map((m) => m.id)).toEqual([first.reply!.id]);
    await engine.whenIdle();

    const caseId = engine.getConversation(conversation.id)!.caseId!;
    expect(await activitiesOf(caseId)).toHaveLength(2); // live, before any handoff

    const second = await engine.receiveMessage(conversation.id, 'My Nimbus Headphones are broken, this is critical and it is about shipping. I want to talk to a human agent.');
    expect(second.handoff).toBeDefined();
    expect(engine.getConversation(conversation.id)!.status).toBe('handed_off');
    await engine.whenIdle();

    const record = await readCase(caseId);
    expect(record).toMatchObject({
      Subject: 'Where is my order? How do I track it?',
      OriginId: SITE.emailOriginId,
      OwnerId: SITE.supervisorContactId,
      GroupId: SITE.firstLineSupportGroupId,
      Symptoms: second.handoff!.summary,
      PriorityId: SITE.priorityCriticalId,
      Solution: 'Nimbus Headphones',
    });
    const maria = (await creatio.get(`Contact?$filter=${q("Email eq 'maria.lopez@example.com'")}&$select=Id`)).json.value;
    expect(maria).toHaveLength(1);
    expect(record.ContactId).toBe(maria[0].Id);
    expect(record.Notes).toBe(`Session ${conversation.id} · email · language ${second.handoff!.language} · sentiment ${second.handoff!.sentiment} · reason ${second.handoff!.reason}`);

    const activities = await activitiesOf(caseId);
    expect(activities.map((a) => a.Title)).toEqual([
      'Customer: Where is my order? How do I track it?',
      `AI: ${first.reply!.text.slice(0, 79)}…`,
      expect.stringMatching(/^Customer: My Nimbus Headphones are broken/),
      `AI: ${second.reply!.text.slice(0, 79)}…`,
      'Handoff to a human agent',
    ]);
    expect(activities[0]!.Body).toContain(`View session: http://127.0.0.1/conversations/${conversation.id}`);
    expect(activities[1]!.Body).not.toContain('View session');
    expect(activities.map((a) => a.MessageTypeId).slice(0, 4)).toEqual([SITE.incomingId, SITE.outgoingId, SITE.incomingId, SITE.outgoingId]);
    expect(activities.every((a) => a.StatusId === SITE.activityCompletedId && a.CaseId === caseId && a.ContactId === maria[0].Id)).toBe(true);
    expect(activities[0]!.Sender).toBe('maria.lopez@example.com');
    expect(activities[4]!.Body).toContain(`Summary: ${second.handoff!.summary}`);

    // "Shipping" names no CaseCategory: reported, not guessed.
    expect(of('ai-field.unmatched')).toEqual([expect.objectContaining({ fieldName: 'CategoryId', value: 'Shipping' })]);
    expect(record.CategoryId).toBe('00000000-0000-0000-0000-000000000000');
    expect(of('case.created')).toHaveLength(1);
    expect(of('contact.matched')).toEqual([expect.objectContaining({ by: 'email' })]);

    await engine.resolveConversation(conversation.id);
    await engine.resolveConversation(conversation.id); // harmless
    await engine.whenIdle();
    expect((await readCase(caseId)).StatusId).toBe(SITE.resolvedStatusId);
    expect(of('case.resolved')).toHaveLength(1);
  });

  it('warns and sends nothing on resolution when no Resolved Status ID is set', async () => {
    const { engine, of } = await engineWith({ resolvedStatusId: undefined });
    const conversation = await engine.startConversation({ customer: { name: 'Walk In' }, channel: 'web' });
    await engine.receiveMessage(conversation.id, 'Which payment methods do you accept?');
    await engine.resolveConversation(conversation.id);
    await engine.whenIdle();
    expect(of('resolution.skipped')).toHaveLength(1);
    const caseId = engine.getConversation(conversation.id)!.caseId!;
    expect((await readCase(caseId)).StatusId).toBe(SITE.newStatusId);
    expect(engine.outbox().filter((i) => i.kind === 'case.resolve')).toEqual([]);
  });
});

describe('mode "on handoff only"', () => {
  it('makes no case until handoff, then the case and the whole transcript in order, then live messages', async () => {
    const { engine, of } = await engineWith({ createCaseOnlyOnHandoff: true });
    const conversation = await engine.startConversation({ customer: { name: 'Nora New', email: 'nora.new@example.com', phone: '+1 555 0999' }, channel: 'web' });
    await engine.receiveMessage(conversation.id, 'How long does shipping take?');
    await engine.receiveMessage(conversation.id, 'Do you ship internationally?');
    await engine.whenIdle();
    expect(engine.getConversation(conversation.id)!.caseId).toBeUndefined();
    expect(engine.outbox()).toEqual([]);

    const payload = await engine.requestHandoff(conversation.id, 'Customer wants a call back');
    await engine.receiveMessage(conversation.id, 'Thanks, I will wait for the agent.');
    await engine.whenIdle();

    const view = engine.getConversation(conversation.id)!;
    const record = await readCase(view.caseId!);
    expect(record).toMatchObject({ Subject: 'How long does shipping take?', OriginId: SITE.chatOriginId, Symptoms: payload.summary });
    expect(record.Notes).toContain(`reason ${payload.reason}`);
    const contact = (await creatio.get(`Contact(${record.ContactId})`)).json;
    expect(contact).toMatchObject({ Name: 'Nora New', Email: 'nora.new@example.com', Phone: '+1 555 0999' });
    expect(of('contact.created')).toHaveLength(1);

    const activities = await activitiesOf(view.caseId!);
    expect(activities.map((a) => (a.Body ?? '').split('\n\nView session')[0])).toEqual(view.messages.map((m) => m.text));
    expect(view.messages.map((m) => m.role)).toEqual(['customer', 'ai', 'customer', 'ai', 'ai', 'customer']);
    expect(activities.filter((a) => a.Title === 'Handoff to a human agent')).toEqual([]);
  });

  it('two racing handoffs make one case; the second adds the handoff note', async () => {
    const { engine, of } = await engineWith({ createCaseOnlyOnHandoff: true });
    const conversation = await engine.startConversation({ customer: { name: 'Race Condition', email: 'race@example.com' }, channel: 'sms' });
    await engine.receiveMessage(conversation.id, 'My kettle leaks.');
    await Promise.all([engine.requestHandoff(conversation.id, 'first'), engine.requestHandoff(conversation.id, 'second')]);
    await engine.whenIdle();

    const view = engine.getConversation(conversation.id)!;
    expect(of('case.created')).toHaveLength(1);
    expect(await casesOfContact(view.contactId!)).toHaveLength(1);
    const titles = (await activitiesOf(view.caseId!)).map((a) => a.Title);
    expect(titles.filter((t) => t === 'Handoff to a human agent')).toHaveLength(1);
    expect(titles).toHaveLength(view.messages.length + 1);
    expect((await readCase(view.caseId!)).Notes).toContain('reason');
  });
});

describe('forms login', () => {
  it('syncs the same way when signed in with user and password (AuthService + BPMCSRF)', async () => {
    const { engine } = await engineWith({ auth: { kind: 'forms', userName: 'Supervisor', password: 'Supervisor' } });
    const conversation = await engine.startConversation({ customer: { name: 'Forms User', phone: '+1 555 0201' }, channel: 'whatsapp' });
    await engine.receiveMessage(conversation.id, 'How do I reset my password?');
    await engine.whenIdle();
    const view = engine.getConversation(conversation.id)!;
    expect(view.caseCreated).toBe(true);
    expect(await activitiesOf(view.caseId!)).toHaveLength(2);
    // +1 555 0201 is Maria Lopez's phone in the seed: matched by phone, not created.
    const maria = (await creatio.get(`Contact?$filter=${q("Phone eq '+1 555 0201'")}&$select=Id`)).json.value;
    expect(await readCase(view.caseId!)).toMatchObject({ ContactId: maria[0].Id, OriginId: SITE.whatsAppOriginId });
  });
});

describe('Test & Save', () => {
  it('reports each problem by the field it belongs to', async () => {
    const { engine } = await engineWith();
    expect(await engine.testSettings(engineSettings(site.url))).toEqual({ ok: true, problems: [] });

    const wrongIds = await engine.testSettings(engineSettings(site.url, {
      defaultCaseOwnerId: '00000000-0000-4000-8000-000000000001', resolvedStatusId: '00000000-0000-4000-8000-000000000002',
    }));
    expect(wrongIds.ok).toBe(false);
    expect(wrongIds.problems.map((p) => p.field)).toEqual(['defaultCaseOwnerId', 'resolvedStatusId']);

    const wrongSecret = await engine.testSettings(engineSettings(site.url, { auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'nope' } }));
    expect(wrongSecret.problems).toEqual([expect.objectContaining({ field: 'auth' })]);
  });
});
