/**
 * A small soak (issue 3 "Acceptance", scaled down to run in every test pass): the site fails 20%
 * of requests with 500, drops 5% of replies after doing the work, and is down for a while in the
 * middle; every message still ends in Creatio exactly once, in order, with one case per conversation.
 */
import { expect, it } from 'vitest';
import { type MockCreatio } from '../../mock-creatio';
import { type CreatioClient, q, send } from '../support/creatio-client';
import { type EngineHarness, engineSettings, startEngine } from '../support/engine-harness';
import { siteAndEngineFolderForEachTest } from '../support/creatio-site';

let dir: string;
let site: MockCreatio;
let creatio: CreatioClient;
let harness: EngineHarness | undefined;

siteAndEngineFolderForEachTest((made) => void ({ site, creatio, dir } = made), () => harness?.stop());

const faults = (body: unknown) =>
  send(`${site.url}/__lab/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const QUESTIONS = ['Which payment methods do you accept?', 'How long does shipping take?', 'Do you ship internationally?', 'What is the warranty?'];

it('every message lands exactly once and in order through errors, lost replies and an outage', async () => {
  harness = await startEngine({ settings: engineSettings(site.url), dir });
  const { engine, of } = harness;
  await faults({ errorRate: 0.2, errorStatus: 500, cutOffRate: 0.05, seed: 7 });
  const conversations = await Promise.all(Array.from({ length: 20 }, (_, n) =>
    engine.startConversation({ customer: { name: `Soak ${n}`, email: `soak${n}@example.com` }, channel: 'web' })));

  await Promise.all(conversations.map(async ({ id }, n) => {
    for (let m = 0; m < 10; m += 1) {
      if (n === 0 && m === 5) await faults({ errorRate: 0.2, errorStatus: 500, cutOffRate: 0.05, seed: 8, downForMs: 500 });
      await engine.receiveMessage(id, `${QUESTIONS[m % QUESTIONS.length]} (conversation ${n}, message ${m})`);
    }
  }));
  await engine.whenIdle();
  await send(`${site.url}/__lab/faults`, { method: 'DELETE' });

  expect(of('retry.scheduled').length).toBeGreaterThan(0);
  expect(engine.outbox().filter((i) => i.state !== 'done')).toEqual([]);
  for (const [n, { id }] of conversations.entries()) {
    const view = engine.getConversation(id)!;
    const cases = (await creatio.get(`Case?$filter=${q(`ContactId eq ${view.contactId}`)}&$select=Id`)).json.value;
    expect(cases, `conversation ${n}`).toEqual([{ Id: view.caseId }]);
    const activities = await creatio.get(`Activity?$filter=${q(`CaseId eq ${view.caseId}`)}&$orderby=${q('StartDate asc')}&$select=Body`);
    const bodies = activities.json.value.map((a: { Body: string }) => a.Body.split('\n\nView session')[0]);
    expect(bodies, `conversation ${n}`).toEqual(view.messages.map((m) => m.text));
  }
});
