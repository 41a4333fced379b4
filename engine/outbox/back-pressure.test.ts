/**
 * Back-pressure through the engine's public API, against the real simulated site (port 0): while the
 * outbox holds `backlogLimit` items and the sync makes progress, a new customer message waits before
 * it is stored; it goes in once the backlog drops, in order; and a sync that makes no progress (the
 * site not answering) opens the gate after a second, so the chat goes on.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type TestSite, startTestSite } from '../../test/support/creatio-site';
import { createSimulatedAi } from '../ai';
import { createManualClock, type ManualClock } from '../creatio/test-clock';
import type { EngineRecord } from '../events';
import type { Fetch, Store } from '../ports';
import { EngineSettings } from '../settings';
import { createSyncEngine, type SyncEngine } from '../sync-engine';

let t: TestSite;
let engine: SyncEngine;
let clock: ManualClock;
/** Requests to the site wait here while `holding`. */
const held: (() => void)[] = [];
let holding = false;

beforeEach(async () => {
  t = await startTestSite();
  clock = createManualClock(t.clock);
  const records: EngineRecord[] = [];
  const store: Store<EngineRecord> = { load: async () => records, append: async (list) => void records.push(...list), compact: async () => undefined };
  const fetchPort: Fetch = (input, init) => (holding
    ? new Promise((resolve) => held.push(() => resolve(fetch(input, init))))
    : fetch(input, init));
  let n = 0;
  engine = createSyncEngine({
    settings: EngineSettings.parse({
      instanceUrl: t.url, auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' }, webhookToken: 'w'.repeat(22),
    }),
    ai: createSimulatedAi({}), backlogLimit: 3,
    ports: {
      clock, random: { next: () => 0.5, uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` }, fetch: fetchPort, store,
      channel: { deliver: async () => ({ delivered: true }) },
    },
  });
  await engine.start();
});
afterEach(async () => {
  holding = false;
  for (const go of held.splice(0)) go();
  await engine.stop();
  await t.cleanup();
});

const QUESTION = 'Which payment methods do you accept?';
const settle = async () => { for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r)); };

it('holds a new message while the backlog is at the limit and the sync progresses, then stores it in order', async () => {
  const { id } = await engine.startConversation({ customer: { name: 'Ann', email: 'ann.bp@example.com' }, channel: 'web' });
  await engine.receiveMessage(id, `${QUESTION} (1)`);
  await engine.whenIdle(); // the case and two activities: the sync has made progress
  holding = true;
  await engine.receiveMessage(id, `${QUESTION} (2)`); // backlog 2: below the limit
  await engine.receiveMessage(id, `${QUESTION} (3)`); // backlog 4
  let fourthStored = false;
  const fourth = engine.receiveMessage(id, `${QUESTION} (4)`).then((r) => { fourthStored = true; return r; });
  await settle();
  expect(fourthStored).toBe(false);
  expect(engine.getConversation(id)!.messages.filter((m) => m.role === 'customer')).toHaveLength(3);

  holding = false;
  for (const go of held.splice(0)) go();
  const result = await fourth;
  expect(result.message.text).toBe(`${QUESTION} (4)`);
  await engine.whenIdle();
  const customer = engine.getConversation(id)!.messages.filter((m) => m.role === 'customer').map((m) => m.text.slice(-3));
  expect(customer).toEqual(['(1)', '(2)', '(3)', '(4)']);
  expect(engine.outbox().filter((i) => i.state !== 'done')).toEqual([]);
});

it('a sync that makes no progress for a second lets the waiting message in (the outbox absorbs it)', async () => {
  const { id } = await engine.startConversation({ customer: { name: 'Bob', email: 'bob.bp@example.com' }, channel: 'web' });
  await engine.receiveMessage(id, `${QUESTION} (1)`);
  await engine.whenIdle();
  holding = true;
  await engine.receiveMessage(id, `${QUESTION} (2)`);
  await engine.receiveMessage(id, `${QUESTION} (3)`);
  let stored = false;
  const waiting = engine.receiveMessage(id, `${QUESTION} (4)`).then(() => { stored = true; });
  await settle();
  expect(stored).toBe(false);
  clock.advance(1_000);
  await waiting;
  expect(stored).toBe(true);
});
