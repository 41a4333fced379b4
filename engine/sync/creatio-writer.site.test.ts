/**
 * The Creatio writer sending several outbox items as one OData `$batch`, against the real simulated
 * site over HTTP (port 0): a case and its first activities in one request, a re-sent batch after a
 * lost reply (duplicates inside a batch are "done"), a failure in the middle, a site that does
 * not know `$batch`, and several conversations' writes sharing one `$batch` (creatio/shared-batches.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestSite, startTestSite } from '../../test/support/creatio-site';
import { createCreatioClient } from '../creatio';
import { createManualClock } from '../creatio/test-clock';
import type { DurableEvent } from '../events';
import type { OutboxItem, OutboxItemKind, OutboxPayload } from '../outbox/outbox-types';
import type { Fetch } from '../ports';
import { ACTIVITY_TYPE_TASK } from '../settings';
import { applyEvent, createEngineState } from '../state/reducer';
import { createCreatioWriter } from './creatio-writer';

let t: TestSite;
beforeAll(async () => { t = await startTestSite(); });
afterAll(async () => { await t.cleanup(); });

let nextId = 1;
const newId = () => `0ba7c000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
const at = '2026-11-24T09:00:00.000Z';

/** A writer over a recording fetch; `refuseBatch` answers `$batch` 404 as a site before Creatio 7.16.1 would. */
function setup(options: { refuseBatch?: boolean; batchesInFlight?: number } = {}) {
  const sent: string[] = [];
  const recording: Fetch = async (input, init) => {
    const path = new URL(input).pathname;
    if (!/connect\/token/.test(path)) sent.push(`${init?.method ?? 'GET'} ${path.replace('/0/odata/', '')}`);
    if (options.refuseBatch && path.endsWith('$batch')) return new Response('{"error":{"message":"No HTTP resource was found"}}', { status: 404 });
    return fetch(input, init);
  };
  const client = createCreatioClient({
    instanceUrl: t.url, auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' },
    fetch: recording, clock: createManualClock(t.clock), timeoutMs: 30_000,
  });
  const state = createEngineState();
  const conversationId = `conv-${nextId}`;
  applyEvent(state, { type: 'conversation.started', at, conversationId, channel: 'web', customer: { name: 'Batch Ann' } });
  const writer = createCreatioWriter({
    client: () => client, state, nowIso: () => at, ...(options.batchesInFlight ? { batchesInFlight: options.batchesInFlight } : {}),
  });
  let seq = 0;
  const item = (kind: OutboxItemKind, payload: OutboxPayload, conversation = conversationId): OutboxItem => ({
    id: newId(), conversationId: conversation, seq: ++seq, kind, payload, attempts: 0, nextAttemptAt: 0, state: 'pending', enqueuedAt: at,
  });
  const activity = (caseId: string, text: string, conversation = conversationId) => item('activity.log', {
    activityId: newId(), caseId, role: 'customer', title: `Customer: ${text}`, body: text, startDate: at, sender: 'ann@example.com', typeId: ACTIVITY_TYPE_TASK,
  }, conversation);
  const newCase = (caseId: string, email: string) => item('case.create', {
    caseId, newContactId: newId(), customer: { name: 'Batch Ann', email }, channel: 'web', subject: 'Batch', notes: 'n',
  });
  return { writer, client, sent, state, item, activity, newCase };
}

const types = (events: DurableEvent[][]) => events.map((list) => list.map((e) => e.type).join('+'));

async function activitiesOf(client: ReturnType<typeof setup>['client'], caseId: string) {
  return client.query('Activity', { filter: `CaseId eq ${caseId}`, select: ['Id', 'Body', 'ContactId'], orderby: 'Body' });
}

it('sends a case, its new contact and its first activities as one $batch, each activity with the case\'s contact', async () => {
  const s = setup();
  const caseId = newId();
  const group = [s.newCase(caseId, `batch.${caseId}@example.com`), s.activity(caseId, 'a first'), s.activity(caseId, 'b second')];
  const outcome = await s.writer.executeGroup(group);
  expect(outcome.failure).toBeUndefined();
  expect(types(outcome.done)).toEqual(['contact.created+case.created', 'activity.logged', 'activity.logged']);
  expect(s.sent.filter((r) => r.startsWith('POST'))).toEqual(['POST $batch']);
  const contactId = (outcome.done[0]![0] as { contactId: string }).contactId;
  const rows = await activitiesOf(s.client, caseId);
  expect(rows.map((r) => [r.Body, r.ContactId])).toEqual([['a first', contactId], ['b second', contactId]]);
});

it('a batch sent again after its reply was lost finds every record made and makes none twice', async () => {
  const first = setup();
  const caseId = newId();
  const group = [first.newCase(caseId, `again.${caseId}@example.com`), first.activity(caseId, 'a'), first.activity(caseId, 'b')];
  expect((await first.writer.executeGroup(group)).done).toHaveLength(3);
  // the same items once more, as after a reply that never came (a new writer: as after a restart)
  const again = setup();
  const outcome = await again.writer.executeGroup(group);
  expect(outcome.failure).toBeUndefined();
  expect(types(outcome.done)).toEqual(['contact.created+case.created', 'activity.logged', 'activity.logged']);
  // each duplicate stops its batch (no continue-on-error): the rest goes in the next one
  expect(again.sent.filter((r) => r.startsWith('POST'))).toEqual(['POST $batch', 'POST $batch', 'POST $batch']);
  expect((await activitiesOf(first.client, caseId)).map((r) => r.Body)).toEqual(['a', 'b']);
  expect(await first.client.query('Case', { filter: `Id eq ${caseId}`, select: ['Id'] })).toHaveLength(1);
});

it('a failure in the middle: the items before it are done, the failure is its own, the ones after are not written', async () => {
  const s = setup();
  const caseId = newId();
  await s.writer.executeGroup([s.newCase(caseId, `mid.${caseId}@example.com`)]);
  const missingCase = newId();
  const group = [
    s.activity(caseId, 'a before'), s.item('case.update', { caseId: missingCase, patch: { Subject: 'x' } }), s.activity(caseId, 'c after'),
  ];
  const outcome = await s.writer.executeGroup(group);
  expect(types(outcome.done)).toEqual(['activity.logged']);
  expect(outcome.failure).toMatchObject({ code: 'CREATIO_NOT_FOUND' });
  expect((await activitiesOf(s.client, caseId)).map((r) => r.Body)).toEqual(['a before']);
});

it('a site that does not know $batch gets one request per write, and no more batches', async () => {
  const s = setup({ refuseBatch: true });
  const caseId = newId();
  const outcome = await s.writer.executeGroup([s.newCase(caseId, `old.${caseId}@example.com`), s.activity(caseId, 'a'), s.activity(caseId, 'b')]);
  expect(outcome.failure).toBeUndefined();
  expect(outcome.done).toHaveLength(3);
  expect(s.sent.filter((r) => r.startsWith('POST'))).toEqual(['POST $batch', 'POST Contact', 'POST Case', 'POST Activity', 'POST Activity']);
  await s.writer.executeGroup([s.activity(caseId, 'c'), s.activity(caseId, 'd')]);
  expect(s.sent.filter((r) => r.startsWith('POST')).slice(5)).toEqual(['POST Activity', 'POST Activity']);
  expect((await activitiesOf(s.client, caseId)).map((r) => r.Body)).toEqual(['a', 'b', 'c', 'd']);
});

/** Another conversation of the same writer, with a case made for it; its id and its case's. */
async function otherConversation(s: ReturnType<typeof setup>): Promise<{ conversationId: string; caseId: string }> {
  const conversationId = `conv-other-${nextId}`;
  applyEvent(s.state, { type: 'conversation.started', at, conversationId, channel: 'web', customer: { name: 'Batch Bob' } });
  const caseId = newId();
  const made = await s.writer.executeGroup([{ ...s.newCase(caseId, `other.${caseId}@example.com`), conversationId }]);
  expect(made.failure).toBeUndefined();
  return { conversationId, caseId };
}

it('conversations writing while a batch is in flight share the next $batch, each getting its own answer', async () => {
  const s = setup({ batchesInFlight: 1 });
  const [a, b, c] = [await otherConversation(s), await otherConversation(s), await otherConversation(s)];
  const before = s.sent.length;
  // a goes out at once; b and c are handed in while it is in flight, and go out together after it
  const outcomes = await Promise.all([a, b, c].map((x) => s.writer.executeGroup([
    s.activity(x.caseId, `${x.conversationId} 1`, x.conversationId), s.activity(x.caseId, `${x.conversationId} 2`, x.conversationId),
  ])));
  expect(outcomes.map((o) => [o.failure, types(o.done)])).toEqual([a, b, c].map(() => [undefined, ['activity.logged', 'activity.logged']]));
  expect(s.sent.slice(before)).toEqual(['POST $batch', 'POST $batch']);
  for (const x of [a, b, c]) expect((await activitiesOf(s.client, x.caseId)).map((r) => r.Body)).toEqual([`${x.conversationId} 1`, `${x.conversationId} 2`]);
});

it('a failing part in a shared $batch: the conversations after it were not run (no failure of theirs), and land when tried again', async () => {
  const s = setup({ batchesInFlight: 1 });
  const [a, b, c] = [await otherConversation(s), await otherConversation(s), await otherConversation(s)];
  const missingCase = newId();
  const [first, failing, after] = await Promise.all([
    s.writer.executeGroup([s.activity(a.caseId, 'a 1', a.conversationId), s.activity(a.caseId, 'a 2', a.conversationId)]),
    s.writer.executeGroup([s.activity(b.caseId, 'b 1', b.conversationId), { ...s.item('case.update', { caseId: missingCase, patch: { Subject: 'x' } }), conversationId: b.conversationId }]),
    s.writer.executeGroup([s.activity(c.caseId, 'c 1', c.conversationId), s.activity(c.caseId, 'c 2', c.conversationId)]),
  ]);
  expect(types(first.done)).toEqual(['activity.logged', 'activity.logged']);
  expect(types(failing.done)).toEqual(['activity.logged']);
  expect(failing.failure).toMatchObject({ code: 'CREATIO_NOT_FOUND' });
  // c shared b's batch, behind b's failing part: Creatio ran none of it, and that is no failure of c's
  expect(after).toEqual({ done: [] });
  expect(await activitiesOf(s.client, c.caseId)).toEqual([]);
  const again = await s.writer.executeGroup([s.activity(c.caseId, 'c 1', c.conversationId), s.activity(c.caseId, 'c 2', c.conversationId)]);
  expect(types(again.done)).toEqual(['activity.logged', 'activity.logged']);
  expect((await activitiesOf(s.client, c.caseId)).map((r) => r.Body)).toEqual(['c 1', 'c 2']);
});
