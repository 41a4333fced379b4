/**
 * Issue 3 "Acceptance", at full scale: with the simulated site failing 20% of requests (500, 503
 * and 429 with Retry-After), cutting off a few replies after the write, and down for two periods of
 * 5 s, 1,000 messages over 50 conversations end in Creatio exactly once, in order, one case per
 * conversation. Real HTTP, the real file store, the real clock; the outages are placed by progress
 * events and their end is read from the site's admin API.
 */
import { expect, it } from 'vitest';
import { type EngineEvent } from '../../engine';
import { type MockCreatio } from '../../mock-creatio';
import {
  CHAOS_OUTBOX, clearFaults, createConditions, CONVERSATIONS, clientMessageId, expectCreatioHolds, getFaults, MESSAGES, messageText, PHASES, sessionId,
  setFaults, waitUntilUp,
} from '../support/chaos-run';
import { type CreatioClient } from '../support/creatio-client';
import { type EngineHarness, engineSettings, startEngine } from '../support/engine-harness';
import { siteAndEngineFolderForEachTest } from '../support/creatio-site';

let dir: string;
let site: MockCreatio;
let creatio: CreatioClient;
let harness: EngineHarness | undefined;

siteAndEngineFolderForEachTest((made) => void ({ site, creatio, dir } = made), () => harness?.stop());

/** Counts the engine's events; `until` resolves once a condition on the counts holds. */
function progress(engine: EngineHarness['engine']) {
  const counts = new Map<string, number>();
  const conditions = createConditions();
  engine.onEvent((event: EngineEvent) => {
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    conditions.check();
  });
  return { count: (type: EngineEvent['type']) => counts.get(type) ?? 0, until: conditions.until };
}

it('1,000 messages over 50 conversations: exactly once, in order, one case each, through errors and two outages', { timeout: 120_000 }, async () => {
  harness = await startEngine({ settings: engineSettings(site.url, { outbox: CHAOS_OUTBOX }), dir });
  const { engine } = harness;
  const { count, until } = progress(engine);
  // A dead letter stops its conversation's sync: stop waiting for progress and let the checks say so.
  const stuck = () => count('outbox.dead-lettered') > 0;
  await setFaults(site.url, PHASES.errors500);

  let acknowledged = 0;
  const customers = Promise.all(Array.from({ length: CONVERSATIONS }, async (_, n) => {
    await engine.startConversation({ id: sessionId(n), customer: { name: `Chaos ${n}`, email: `chaos${n}@example.com` }, channel: 'web' });
    for (let m = 0; m < MESSAGES; m += 1) {
      await engine.receiveMessage(sessionId(n), messageText(n, m), { clientMessageId: clientMessageId(n, m) });
      acknowledged += 1;
    }
  }));

  // The first outage while customers are still writing, the second well into the sync.
  await until(() => count('outbox.completed') >= 100 && acknowledged >= 200);
  await setFaults(site.url, PHASES.outage1);
  await waitUntilUp(site.url);
  await setFaults(site.url, PHASES.errors503);
  await until(() => count('activity.logged') >= 900 || stuck());
  await setFaults(site.url, PHASES.outage2);
  await waitUntilUp(site.url);
  await setFaults(site.url, PHASES.errors429);
  await customers;
  await until(() => count('activity.logged') >= 1_500 || stuck());

  const { counters } = await getFaults(site.url);
  await clearFaults(site.url);
  await engine.whenIdle();

  expect(counters.dropped, 'requests refused while down').toBeGreaterThan(0);
  // the engine sends a conversation's pending items as one $batch, so far fewer requests (and errors) than items
  expect(counters.errors, 'injected errors').toBeGreaterThan(10);
  expect(counters.cutOff, 'replies cut off after the write').toBeGreaterThan(0);
  expect(count('retry.scheduled')).toBeGreaterThan(0);
  expect(engine.outbox().filter((item) => item.state !== 'done'), 'dead letters or items left').toEqual([]);
  await expectCreatioHolds(creatio, engine.listConversations().map((c) => ({ id: c.id, caseId: c.caseId, messages: c.messages })));
});
