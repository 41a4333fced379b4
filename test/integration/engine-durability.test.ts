/**
 * "Nothing lost, nothing twice" (issue 3) against the simulated site over real HTTP: the engine
 * stopped while the site is down and both restarted; replies lost after the record was made;
 * 503 with Retry-After; a dead letter retried by hand.
 */
import { describe, expect, it } from 'vitest';
import type { MockCreatio } from '../../mock-creatio';
import type { EngineSettingsInput } from '../../engine';
import { createManualClockForTests } from '../support/manual-clock';
import { type CreatioClient, q, send } from '../support/creatio-client';
import { type EngineHarness, engineSettings, startEngine } from '../support/engine-harness';
import { siteAndEngineFolderForEachTest } from '../support/creatio-site';

let dir: string;
let site: MockCreatio;
let creatio: CreatioClient;
const harnesses: EngineHarness[] = [];

const { startSiteAgain } = siteAndEngineFolderForEachTest(
  (made) => void ({ site, creatio, dir } = made),
  async () => { for (const h of harnesses.splice(0)) await h.stop(); },
);

async function engineWith(overrides: Partial<EngineSettingsInput> = {}, more: Omit<Parameters<typeof startEngine>[0], 'settings' | 'dir'> = {}) {
  const h = await startEngine({ settings: engineSettings(site.url, overrides), dir, ...more });
  harnesses.push(h);
  return h;
}

async function activityBodies(caseId: string): Promise<string[]> {
  const reply = await creatio.get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}&$orderby=${q('StartDate asc')}&$select=Body`);
  expect(reply.status).toBe(200);
  return reply.json.value.map((a: { Body: string }) => a.Body.split('\n\nView session')[0]);
}

async function caseCount(subject: string): Promise<number> {
  return (await creatio.get(`Case?$filter=${q(`Subject eq '${subject}'`)}&$select=Id`)).json.value.length;
}

const faults = (body: unknown) =>
  send(`${site.url}/__lab/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('durable outbox', () => {
  it('resumes after the engine stopped with the site down: every message lands exactly once, in order', async () => {
    const first = await engineWith();
    const { id } = await first.engine.startConversation({ customer: { name: 'Dora Down', email: 'dora@example.com' }, channel: 'web' });
    await first.engine.receiveMessage(id, 'Which payment methods do you accept?');
    await first.engine.whenIdle();

    const port = Number(new URL(site.url).port);
    await site.close();
    await first.engine.receiveMessage(id, 'Do you ship internationally?');
    await first.engine.receiveMessage(id, 'How long does shipping take?');
    await first.waitFor('retry.scheduled'); // the site is really down for the engine
    const transcript = first.engine.getConversation(id)!.messages.map((m) => m.text);
    await first.stop();
    harnesses.splice(harnesses.indexOf(first), 1);

    await startSiteAgain(port);
    const second = await engineWith();
    expect(second.engine.getConversation(id)!.messages.map((m) => m.text)).toEqual(transcript);
    expect(second.engine.outbox().filter((i) => i.state === 'pending').length).toBeGreaterThan(0);
    await second.engine.whenIdle();

    const caseId = second.engine.getConversation(id)!.caseId!;
    expect(await activityBodies(caseId)).toEqual(transcript);
    expect(await caseCount('Which payment methods do you accept?')).toBe(1);

    // A third start compacts the long log into one snapshot record, and the state survives it.
    const before = second.engine.getConversation(id);
    await second.stop();
    harnesses.splice(harnesses.indexOf(second), 1);
    const third = await engineWith({}, { compactAfterRecords: 3 });
    expect(third.of('engine.started')[0]).toMatchObject({ compacted: true });
    expect(await third.store.load()).toHaveLength(1);
    expect(third.engine.getConversation(id)).toEqual(before);
    await third.engine.receiveMessage(id, 'Thanks!');
    await third.engine.whenIdle();
    expect(await activityBodies(caseId)).toEqual([...transcript, ...third.engine.getConversation(id)!.messages.slice(-2).map((m) => m.text)]);
  });

  it('never duplicates when replies are lost after the record was made', async () => {
    const { engine, of } = await engineWith();
    await faults({ cutOffRate: 0.5, seed: 42 });
    const ids: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const { id } = await engine.startConversation({ customer: { name: `Lost Reply ${n}`, email: `lost${n}@example.com` }, channel: 'email' });
      ids.push(id);
      await engine.receiveMessage(id, `Question ${n}: where is my order?`);
      await engine.receiveMessage(id, `Question ${n}: can I change or cancel my order?`);
    }
    await engine.whenIdle();
    await send(`${site.url}/__lab/faults`, { method: 'DELETE' });

    expect(of('retry.scheduled').length).toBeGreaterThan(0); // the faults did bite
    for (const [n, id] of ids.entries()) {
      const view = engine.getConversation(id)!;
      expect(await activityBodies(view.caseId!)).toEqual(view.messages.map((m) => m.text));
      expect(await caseCount(`Question ${n}: where is my order?`)).toBe(1);
      const contacts = (await creatio.get(`Contact?$filter=${q(`Email eq 'lost${n}@example.com'`)}&$select=Id`)).json.value;
      expect(contacts).toHaveLength(1);
    }
  });

  it('honours Retry-After from a 503', async () => {
    const clock = createManualClockForTests();
    const { engine, waitFor, of } = await engineWith({}, { clock });
    const { id } = await engine.startConversation({ customer: { name: 'Retry After' }, channel: 'web' });
    await engine.receiveMessage(id, 'Which payment methods do you accept?');
    await engine.whenIdle();

    await faults({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 30 });
    await engine.receiveMessage(id, 'Do you ship internationally?');
    const scheduled = await waitFor('retry.scheduled');
    expect(scheduled).toMatchObject({ delayMs: 30_000, error: { code: 'CREATIO_UNAVAILABLE', retryAfterMs: 30_000 } });
    await send(`${site.url}/__lab/faults`, { method: 'DELETE' });
    clock.advance(29_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(of('outbox.attempted').filter((e) => e.attempt === 2)).toEqual([]);
    clock.advance(1);
    await engine.whenIdle();
    expect(of('outbox.attempted').filter((e) => e.attempt === 2).length).toBeGreaterThan(0);
    expect(await activityBodies(engine.getConversation(id)!.caseId!)).toHaveLength(4);
  });

  it('parks a write that cannot succeed as a dead letter, and sends it when retried by hand', async () => {
    const good = engineSettings(site.url);
    const { engine, waitFor } = await engineWith({ auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'wrong-secret' } });
    const { id } = await engine.startConversation({ customer: { name: 'Dead Letter', email: 'dead@example.com' }, channel: 'web' });
    await engine.receiveMessage(id, 'Which payment methods do you accept?');
    const dead = await waitFor('outbox.dead-lettered');
    await engine.whenIdle(); // dead letters and what waits behind them do not count
    expect(engine.outbox()[0]).toMatchObject({ state: 'dead', kind: 'case.create', lastError: { code: 'CREATIO_AUTH_FAILED' } });
    expect(engine.outbox().slice(1).every((i) => i.state === 'pending')).toBe(true);

    await engine.updateSettings(good);
    await engine.retryDeadLetter((dead as { itemId: string }).itemId);
    await engine.whenIdle();
    expect(engine.outbox().every((i) => i.state === 'done')).toBe(true);
    expect(await activityBodies(engine.getConversation(id)!.caseId!)).toHaveLength(2);
  });
});
