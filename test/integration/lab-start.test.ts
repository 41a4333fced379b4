/**
 * startLab (issue 5, lab/ and the first acceptance item): a real lab in a temp workspace, driven
 * through the Lab object on the customer's side and through OData as a Creatio agent on the other.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSURE_NOTICE } from '../../engine';
import { type Lab, type LabMode, startLab } from '../../lab';
import { type CreatioClient, formsClient, oauthClient, q, send } from '../support/creatio-client';
import { SITE } from '../support/engine-harness';

const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6'; // reference creatio-api.md §3.4
const CLIENT_SECRET = 'lab-client-secret-change-me';

const labs: Lab[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csl-lab-'));
  dirs.push(dir);
  return dir;
}

async function open(workspace: string, options: { mode?: LabMode; seed?: number } = {}): Promise<Lab> {
  const lab = await startLab({ workspace, durability: 'none', ...options });
  labs.push(lab);
  return lab;
}

/** The customer writes; in handoff-only mode they also ask for a person, so a case is created. */
async function converse(lab: Lab, text: string, name = 'Ann Lee'): Promise<{ id: string; caseId: string }> {
  const id = await lab.startConversation({ customer: { name, email: `${name.toLowerCase().replace(' ', '.')}@example.com` }, channel: 'web' });
  await lab.say(id, text);
  if (lab.mode() === 'handoff-only') await lab.say(id, 'Please let me talk to a real person');
  await lab.whenIdle();
  const caseId = lab.engine.getConversation(id)?.caseId;
  if (!caseId) throw new Error(`conversation ${id} has no case`);
  return { id, caseId };
}

async function agentReplies(agent: CreatioClient, caseId: string, text: string): Promise<string> {
  const written = await agent.post('Activity', { Title: 'Re: your order', Body: `<p>${text}</p>`, IsHtmlBody: true, TypeId: EMAIL_TYPE, CaseId: caseId });
  expect(written.status, written.text).toBe(201);
  return written.json.Id as string;
}

const agentEntries = (lab: Lab, id: string) => lab.chat.get(id)!.entries.filter((e) => e.role === 'agent').map((e) => e.text);
const processUrls = (lab: Lab) => lab.site.processes.registry.list().map((p) => p.callWebService.url);

describe.each<LabMode>(['every-conversation', 'handoff-only'])('a fresh lab in %s mode', (mode) => {
  it('does the full two-way flow: conversation → case → agent Email → chat → Resolved → conversation resolved', async () => {
    const lab = await open(await tempDir(), { mode });
    expect(lab.mode()).toBe(mode);
    const agent = await formsClient(lab.urls.creatio);
    const { id, caseId } = await converse(lab, 'Where is my order?');

    const found = await agent.get(`Case(${caseId})?$select=Id,Subject,OwnerId,GroupId`);
    expect(found.status, found.text).toBe(200);
    expect(found.json).toMatchObject({ Id: caseId, OwnerId: SITE.supervisorContactId, GroupId: SITE.firstLineSupportGroupId });

    await agentReplies(agent, caseId, 'It left our warehouse today.');
    await lab.whenIdle();
    expect(agentEntries(lab, id)).toEqual(['It left our warehouse today.']);

    expect((await agent.patch(`Case(${caseId})`, { StatusId: SITE.resolvedStatusId })).status).toBe(204);
    await lab.whenIdle();
    expect(lab.engine.getConversation(id)!.status).toBe('resolved');
    expect(lab.chat.get(id)!.entries.filter((e) => e.role === 'system').map((e) => e.text)).toContain(CLOSURE_NOTICE);
  });
});

describe('startLab', () => {
  it('puts events of every part on the bus, and no secret in any of them', async () => {
    const lab = await open(await tempDir());
    const agent = await oauthClient(lab.urls.creatio);
    const { id, caseId } = await converse(lab, 'Where is my order?');
    await agentReplies(agent, caseId, 'On its way.');
    await lab.whenIdle();

    const history = lab.events.history();
    expect(new Set(history.map((e) => e.source))).toEqual(new Set(['lab', 'engine', 'creatio', 'process', 'chat']));
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.find((e) => e.type === 'case.created')).toMatchObject({ source: 'engine', conversationId: id, caseId });
    expect(history.find((e) => e.type === 'record.inserted' && e.data.entity === 'Case')).toMatchObject({ source: 'creatio', conversationId: id, caseId });
    const ran = history.filter((e) => e.type === 'process.ran' && e.data.status === 'completed');
    expect(ran.length).toBeGreaterThan(0);
    expect(ran[0]!.data.url).toMatch(/\/backend\/creatio\/webhook\/\*\*\*$/);
    expect(history.some((e) => e.source === 'chat' && e.type === 'chat.message-shown' && e.conversationId === id)).toBe(true);

    const text = JSON.stringify(history);
    const token = lab.settings().webhookToken;
    expect(lab.webhookUrl()).toContain(token);
    for (const secret of [token, CLIENT_SECRET, lab.token]) expect(text).not.toContain(secret);
    expect(lab.urls.webhook).toMatch(/\/backend\/creatio\/webhook\/\*\*\*$/);
  });

  it('a restart over the same workspace keeps conversations, follows the new ports and re-points the processes', async () => {
    const workspace = await tempDir();
    const first = await open(workspace);
    const { id, caseId } = await converse(first, 'Where is my order?');
    await first.site.processes.registry.create({ ...first.site.processes.registry.get('agent-reply'), name: 'elsewhere', active: false,
      callWebService: { ...first.site.processes.registry.get('agent-reply').callWebService, url: 'http://127.0.0.1:9/hook' } }, 'elsewhere');
    const token = first.settings().webhookToken;
    expect(processUrls(first)).toContain(first.webhookUrl());
    await first.close();
    await first.close(); // idempotent

    const second = await open(workspace);
    expect(second.urls.creatio).not.toBe(first.urls.creatio);
    expect(second.settings().instanceUrl).toBe(second.urls.creatio);
    expect(second.settings().webhookToken).toBe(token);
    expect(second.engine.getConversation(id)?.caseId).toBe(caseId);
    expect(second.chat.get(id)?.entries.length).toBeGreaterThan(0);
    expect(processUrls(second).sort()).toEqual([second.webhookUrl(), second.webhookUrl(), 'http://127.0.0.1:9/hook']);
    expect((await stat(join(workspace, 'engine', 'settings.json'))).mode & 0o777).toBe(0o600);

    await agentReplies(await formsClient(second.urls.creatio), caseId, 'Still on its way.');
    await second.whenIdle();
    expect(agentEntries(second, id)).toEqual(['Still on its way.']);
  });

  it('leaves settings pointed at another Creatio alone on restart, and follows the site again once pointed back', async () => {
    const workspace = await tempDir();
    const first = await open(workspace);
    await first.updateSettings({ ...first.settings(), instanceUrl: 'https://acme.creatio.com' });
    await first.close();
    const second = await open(workspace);
    expect(second.settings().instanceUrl).toBe('https://acme.creatio.com');
    await second.updateSettings({ ...second.settings(), instanceUrl: second.urls.creatio, createCaseOnlyOnHandoff: true });
    expect(second.mode()).toBe('handoff-only');
    await second.close();
    const third = await open(workspace);
    expect(third.settings().instanceUrl).toBe(third.urls.creatio);
    expect(third.mode()).toBe('handoff-only');
    expect(third.events.history().some((e) => e.type === 'settings.saved')).toBe(false);
    await expect(third.updateSettings({ ...third.settings(), instanceUrl: 'https://acme.creatio.com/' })).rejects.toThrow(/instanceUrl: must not end with a slash/);
  });

  it('rotating the webhook token re-points the processes; the old URL answers 404', async () => {
    const lab = await open(await tempDir());
    const old = lab.webhookUrl();
    await lab.rotateWebhookToken();
    expect(lab.webhookUrl()).not.toBe(old);
    expect(processUrls(lab)).toEqual([lab.webhookUrl(), lab.webhookUrl()]);
    const stale = await send(old, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"event_type":"new_activity","caseId":"x"}' });
    expect(stale.status).toBe(404);
    const { id, caseId } = await converse(lab, 'Where is my order?');
    await agentReplies(await formsClient(lab.urls.creatio), caseId, 'Rotated and fine.');
    await lab.whenIdle();
    expect(agentEntries(lab, id)).toEqual(['Rotated and fine.']);
    expect(JSON.stringify(lab.events.history())).not.toContain(lab.settings().webhookToken);
  });

  it('reset goes back to the seed: no conversations, no chat, seed cases; settings and processes kept', async () => {
    const lab = await open(await tempDir());
    const agent = await formsClient(lab.urls.creatio);
    const seedCases = (await agent.get('Case?$count=true&$top=0')).json['@odata.count'] as number;
    const { caseId } = await converse(lab, 'Where is my order?');
    const token = lab.settings().webhookToken;
    await lab.reset();
    expect(lab.engine.listConversations()).toEqual([]);
    expect(lab.chat.list()).toEqual([]);
    expect((await agent.get(`Case(${caseId})`)).status).toBe(404);
    expect((await agent.get('Case?$count=true&$top=0')).json['@odata.count']).toBe(seedCases);
    expect(lab.settings().webhookToken).toBe(token);
    expect(processUrls(lab)).toEqual([lab.webhookUrl(), lab.webhookUrl()]);
    expect(lab.events.history().at(-1)?.type).toBe('lab.reset');
    const again = await converse(lab, 'Do you ship to Spain?');
    expect((await agent.get(`Case(${again.caseId})`)).status).toBe(200);
  });

  it('a snapshot brings back the site, the engine and the chat as they were', async () => {
    const lab = await open(await tempDir());
    const agent = await formsClient(lab.urls.creatio);
    const a = await converse(lab, 'Where is my order?');
    expect(await lab.saveSnapshot('one')).toMatchObject({ name: 'one' });
    const b = await converse(lab, 'My lamp is broken', 'Bo Chen');
    await lab.restoreSnapshot('one');
    expect(lab.engine.listConversations().map((c) => c.id)).toEqual([a.id]);
    expect(lab.chat.list().map((c) => c.id)).toEqual([a.id]);
    expect((await agent.get(`Case(${a.caseId})`)).status).toBe(200);
    expect((await agent.get(`Case(${b.caseId})`)).status).toBe(404);
    expect((await lab.listSnapshots()).map((s) => s.name)).toEqual(['one']);
    await expect(lab.saveSnapshot('../x')).rejects.toThrow(/not valid/);
    await expect(lab.restoreSnapshot('nope')).rejects.toThrow(/No lab snapshot/);

    await agentReplies(agent, a.caseId, 'Back from the snapshot.');
    await lab.whenIdle();
    expect(agentEntries(lab, a.id)).toEqual(['Back from the snapshot.']);
  });

  it('with the same seed, two labs taking the same steps give the same conversation, case and chat ids', async () => {
    const run = async () => {
      const lab = await open(await tempDir(), { seed: 42 });
      const { id, caseId } = await converse(lab, 'Where is my order?');
      const activities = await (await formsClient(lab.urls.creatio)).get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}&$select=Id&$orderby=Id`);
      const result = { id, caseId, entries: lab.chat.get(id)!.entries.map((e) => e.id), activities: activities.json.value };
      await lab.close();
      return result;
    };
    const one = await run();
    const two = await run();
    expect(two).toEqual(one);
    const other = await open(await tempDir(), { seed: 43 });
    const third = await converse(other, 'Where is my order?');
    expect(third.id).not.toBe(one.id);
  });

  it('refuses a host that is not loopback, and cleans up when a port is taken', async () => {
    await expect(startLab({ workspace: await tempDir(), host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    const lab = await open(await tempDir());
    const port = Number(new URL(lab.urls.ui).port);
    await expect(startLab({ workspace: await tempDir(), port, durability: 'none' })).rejects.toThrow(/port is in use/);
  });
});
