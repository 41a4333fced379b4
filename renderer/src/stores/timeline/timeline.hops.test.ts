import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../../contract';
import { buildHops, conversationEvents, formatSince } from './timeline.hops';

const C = 'conv-1';
const CASE = 'B1B173D0-99A1-4E58-9FBB-6FE09C8BCDCF';
const at = (ms: number) => new Date(Date.UTC(2026, 10, 24, 9, 0, 0, ms)).toISOString();
const e = (seq: number, ms: number, source: LabEvent['source'], type: string, data: Record<string, unknown> = {}, extra: Partial<LabEvent> = {}): LabEvent =>
  ({ seq, at: at(ms), source, type, conversationId: C, data, ...extra });

/** The two-way flow of one customer message as the lab publishes it (seq and time slightly out of step, as in a real run). */
const flow: LabEvent[] = [
  e(5, 0, 'chat', 'chat.customer-wrote', { entry: { role: 'customer', text: 'Where is my order?' } }),
  e(6, 2, 'engine', 'message.received', { text: 'Where is my order?' }),
  e(8, 2, 'engine', 'outbox.enqueued', { kind: 'activity.log' }),
  e(11, 14, 'engine', 'outbox.attempted', {}),
  e(18, 68, 'creatio', 'record.inserted', { entity: 'Activity', id: 'a1', values: { Title: 'Customer: Where is my order?', TypeId: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6' } }, { caseId: CASE.toLowerCase() }),
  e(20, 82, 'process', 'process.ran', { processName: 'Agent reply → helpdesk', status: 'completed', responseStatus: 202 }),
  e(19, 74, 'engine', 'webhook.received', { eventType: 'new_activity', webhookId: 'w1' }),
  e(26, 89, 'engine', 'activity.logged', { activityId: 'a1', title: 'Customer: Where is my order?' }),
  e(30, 95, 'creatio', 'record.inserted', { entity: 'Contact', id: 'k1' }, { conversationId: undefined }),
  e(31, 96, 'engine', 'reply.delivered', { role: 'agent' }, { conversationId: 'other' }),
];

describe('buildHops', () => {
  it('draws each hop as an arrow between lanes, in time order, with the time since the hop before', () => {
    const hops = buildHops(conversationEvents(flow, C, CASE));
    expect(hops.map((h) => [h.type, h.from, h.to])).toEqual([
      ['chat.customer-wrote', 'customer', 'customer'],
      ['message.received', 'customer', 'engine'],
      ['record.inserted', 'engine', 'creatio'],
      ['webhook.received', 'process', 'webhook'],
      ['process.ran', 'creatio', 'process'],
      ['activity.logged', 'creatio', 'engine'],
    ]);
    expect(hops.map((h) => h.sinceMs)).toEqual([0, 2, 66, 6, 8, 7]);
    expect(hops[2]!.summary).toBe('Activity inserted "Customer: Where is my order?"');
    expect(hops.map((h) => h.source)).toEqual(['event', 'event', 'journal', 'webhook', 'process', 'journal']);
  });

  it('keeps the case\'s own commits (no conversation tag) and leaves other conversations out', () => {
    const kaseOnly = e(40, 120, 'creatio', 'record.updated', { entity: 'Case', id: CASE.toLowerCase() }, { conversationId: undefined, caseId: CASE.toLowerCase() });
    const picked = conversationEvents([...flow, kaseOnly], C, CASE);
    expect(picked.map((x) => x.seq)).toContain(40);
    expect(picked.map((x) => x.seq)).not.toContain(31);
    expect(picked.map((x) => x.seq)).not.toContain(30);
  });

  it('marks failures and an agent\'s own Email as starting in Creatio', () => {
    const hops = buildHops([
      e(1, 0, 'engine', 'retry.scheduled', { attempts: 2, delayMs: 400, error: { code: 'CREATIO_UNREACHABLE' } }),
      e(2, 5, 'creatio', 'record.inserted', { entity: 'Activity', id: 'x', values: { TypeId: 'e2831dec-cfc0-df11-b00f-001d60e938c6', Title: 'Re: order' } }),
    ]);
    expect(hops[0]).toMatchObject({ failed: true, from: 'creatio', to: 'engine', summary: 'Write failed (CREATIO_UNREACHABLE): retry #2 in 400 ms' });
    expect(hops[1]).toMatchObject({ failed: false, from: 'creatio', to: 'creatio' });
  });

  it('formats durations', () => {
    expect([formatSince(12.4), formatSince(1_450), formatSince(125_000)]).toEqual(['+12 ms', '+1.4 s', '+2 min']);
  });
});
