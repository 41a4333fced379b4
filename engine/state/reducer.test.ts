import { describe, expect, it } from 'vitest';
import type { DurableEvent, EngineRecord } from '../events';
import { nextMessageTime, replay } from './reducer';

const at = '2026-11-24T09:00:00.000Z';
const c = { conversationId: 'conv-1' };
const record = (...events: DurableEvent[]): EngineRecord => ({ v: 1, events });

const RECORDS: EngineRecord[] = [
  record({ type: 'conversation.started', at, ...c, channel: 'email', customer: { name: 'Ann', email: 'ann@example.com' } }),
  record(
    { type: 'message.received', at, ...c, messageId: 'm1', text: 'Where is my order?' },
    { type: 'ai.replied', at: '2026-11-24T09:00:00.001Z', ...c, messageId: 'm2', text: 'It ships today.', answer: 'answer' },
    { type: 'outbox.enqueued', at, ...c, itemId: 'i1', seq: 1, kind: 'case.create', payload: { caseId: 'case-1', newContactId: 'k1', customer: { name: 'Ann' }, channel: 'email', subject: 'Where is my order?', notes: 'n' } },
    { type: 'outbox.enqueued', at, ...c, itemId: 'i2', seq: 2, kind: 'activity.log', payload: { activityId: 'a1', caseId: 'case-1', messageId: 'm1', role: 'customer', title: 't', body: 'b', startDate: at, sender: 's', typeId: 'x' } },
  ),
  record(
    { type: 'contact.created', at, ...c, contactId: 'k1' },
    { type: 'case.created', at, ...c, caseId: 'case-1', contactId: 'k1' },
    { type: 'outbox.completed', at, ...c, itemId: 'i1' },
  ),
  record({ type: 'retry.scheduled', at, ...c, itemId: 'i2', attempts: 1, delayMs: 100, nextAttemptAt: 5, error: { code: 'CREATIO_TIMEOUT', message: 'slow' } }),
  record({ type: 'outbox.dead-lettered', at, ...c, itemId: 'i2', attempts: 2, error: { code: 'CREATIO_BAD_REQUEST', message: 'bad' } }),
  record({ type: 'handoff.triggered', at: '2026-11-24T09:00:00.002Z', ...c, trigger: 'manual', manual: true, payload: { reason: 'r', summary: 's', sentiment: 'neutral', language: 'en', timestamp: at } }),
];

describe('replay', () => {
  it('rebuilds conversations, case ids and the outbox from the records', () => {
    const state = replay(RECORDS);
    const conversation = state.conversations.get('conv-1')!;
    expect(conversation).toMatchObject({ status: 'handed_off', caseId: 'case-1', caseCreated: true, contactId: 'k1', activitiesQueued: 1 });
    expect(conversation.messages.map((m) => [m.id, m.role, m.activityId])).toEqual([['m1', 'customer', 'a1'], ['m2', 'ai', undefined]]);
    expect(conversation.lastAt).toBe('2026-11-24T09:00:00.002Z');
    expect(state.outbox.get('i1')).toMatchObject({ state: 'done' });
    expect(state.outbox.get('i2')).toMatchObject({ state: 'dead', attempts: 2, lastError: { code: 'CREATIO_BAD_REQUEST' } });
    expect(state.lastSeq).toBe(2);
  });

  it('puts a retried dead letter back in the queue with its attempts reset', () => {
    const state = replay([...RECORDS, record({ type: 'outbox.retried', at, ...c, itemId: 'i2' })]);
    expect(state.outbox.get('i2')).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: 0 });
  });

  it('ignores events it does not know and events of unknown conversations', () => {
    const unknown = { type: 'future.thing', at, ...c } as unknown as DurableEvent;
    const stray: DurableEvent = { type: 'message.received', at, conversationId: 'nope', messageId: 'x', text: 'x' };
    const state = replay([...RECORDS, record(unknown, stray)]);
    expect(state.conversations.size).toBe(1);
    expect(state.conversations.get('conv-1')!.messages).toHaveLength(2);
  });

  it('stamps the next message strictly after the latest one when the clock has not moved', () => {
    const conversation = replay(RECORDS).conversations.get('conv-1')!;
    expect(nextMessageTime(conversation, Date.parse(at))).toBe('2026-11-24T09:00:00.003Z');
    expect(nextMessageTime(conversation, Date.parse('2026-11-24T10:00:00.000Z'))).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('finished outbox items', () => {
  const enqueue = (n: number): DurableEvent => ({
    type: 'outbox.enqueued', at, ...c, itemId: `item-${n}`, seq: n, kind: 'case.update', payload: { caseId: 'case-1', patch: { Subject: `s${n}` } },
  });
  const complete = (n: number): DurableEvent => ({ type: 'outbox.completed', at, ...c, itemId: `item-${n}` });

  it('are forgotten oldest first past 400, down to the 200 a snapshot keeps; pending and dead ones stay', () => {
    const events: DurableEvent[] = [RECORDS[0]!.events[0]!];
    for (let n = 1; n <= 401; n += 1) events.push(enqueue(n));
    events.push({ type: 'outbox.dead-lettered', at, ...c, itemId: 'item-1', attempts: 5, error: { code: 'CREATIO_BAD_REQUEST', message: 'bad' } });
    for (let n = 2; n <= 400; n += 1) events.push(complete(n)); // 399 done: kept
    let state = replay([record(...events)]);
    expect(state.outbox.size).toBe(401);
    state = replay([record(...events, complete(400), complete(401))]); // completing twice counts once: 400 done
    expect(state.outbox.size).toBe(401);
    events.push(enqueue(402), complete(402));
    state = replay([record(...events, complete(401))]); // 401 done: the oldest 201 go
    expect([...state.outbox.values()].filter((i) => i.state === 'done').map((i) => i.seq)).toEqual(Array.from({ length: 200 }, (_, i) => 203 + i));
    expect(state.outbox.get('item-1')).toMatchObject({ state: 'dead' });
  });
});
