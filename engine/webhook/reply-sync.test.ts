import { describe, expect, it } from 'vitest';
import type { CreatioClient } from '../creatio';
import { EngineError } from '../engine-error';
import type { DurableEvent, EngineEvent } from '../events';
import type { OutboundMessage } from '../ports';
import { EngineSettings } from '../settings';
import { applyEvent, createEngineState } from '../state/reducer';
import { createReplySync } from './reply-sync';

const at = '2026-11-24T09:00:00.000Z';
const CASE = 'c0000000-0000-4000-8000-000000000001';
const settings = EngineSettings.parse({
  instanceUrl: 'http://creatio.test', auth: { kind: 'forms', userName: 'u', password: 'p' }, webhookToken: 'x'.repeat(22),
});

/** A reply sync over a fake Creatio, a manual clock and a channel that can refuse. */
function setup() {
  const state = createEngineState();
  const events: EngineEvent[] = [];
  const apply = (event: DurableEvent) => applyEvent(state, event);
  apply({ type: 'conversation.started', at, conversationId: 'c1', channel: 'web', customer: { name: 'Ann' } });
  apply({
    type: 'outbox.enqueued', at, conversationId: 'c1', itemId: 'i1', seq: 1, kind: 'case.create',
    payload: { caseId: CASE, newContactId: 'k', customer: { name: 'Ann' }, channel: 'web', subject: 's', notes: 'n' },
  });
  apply({
    type: 'outbox.enqueued', at, conversationId: 'c1', itemId: 'i2', seq: 2, kind: 'activity.log',
    payload: { activityId: 'own-1', caseId: CASE, role: 'customer', title: 't', body: 'b', startDate: at, sender: 's', typeId: 'x' },
  });
  const rows: Record<string, unknown>[] = [{ Id: 'OWN-1', Body: 'the customer wrote this', IsHtmlBody: false }];
  let failing: EngineError | undefined;
  let reads = 0;
  const client = {
    query: async () => {
      reads += 1;
      if (failing) throw failing;
      return rows.map((r) => ({ ...r }));
    },
  } as unknown as CreatioClient;
  const timers: { fn: () => void; ms: number }[] = [];
  const delivered: OutboundMessage[] = [];
  let refuse = 0;
  let uuid = 0;
  const sync = createReplySync({
    state, settings: () => settings, client: () => client,
    clock: { now: () => Date.parse(at), setTimer: (fn, ms) => { const t = { fn, ms }; timers.push(t); return () => void timers.splice(timers.indexOf(t), 1); } },
    random: { next: () => 0.5, uuid: () => `u${(uuid += 1)}` },
    channel: { deliver: async (m) => { if (refuse > 0) { refuse -= 1; return { delivered: false, reason: 'offline' }; } delivered.push(m); return { delivered: true }; } },
    commit: async (batch) => { batch.forEach(apply); events.push(...batch); },
    emit: (event) => void events.push(event),
    onHandled: () => {},
  });
  const webhook = (id: string) => apply({ type: 'webhook.received', at, conversationId: 'c1', webhookId: id, eventType: 'new_activity', caseId: CASE });
  return {
    state, events, rows, timers, delivered, sync, webhook,
    fail: (e?: EngineError) => void (failing = e),
    refuse: (n: number) => void (refuse = n),
    reads: () => reads,
    fireTimers: () => timers.splice(0).forEach((t) => t.fn()),
  };
}

describe('reply sync', () => {
  it('delivers only agent activities, each once, in order; own activities never', async () => {
    const t = setup();
    t.rows.push({ Id: 'a1', Body: '<p>one</p>', IsHtmlBody: true }, { Id: 'a2', Body: '', Title: 'two (title)' }, { Id: 'a3', Body: '  ' });
    t.webhook('w1');
    t.sync.schedule('c1');
    t.webhook('w2');
    t.sync.schedule('c1'); // during the run: one more run, nothing new
    await t.sync.whenIdle();
    expect(t.delivered.map((m) => [m.id, m.role, m.text])).toEqual([['a1', 'agent', 'one'], ['a2', 'agent', 'two (title)']]);
    expect(t.state.conversations.get('c1')!.webhook).toMatchObject({ pendingWebhooks: [], undelivered: [], handledActivityIds: ['a1', 'a2', 'a3'] });
    expect(t.reads()).toBe(2);
  });

  it('keeps the webhook pending while Creatio fails and reads again on the timer', async () => {
    const t = setup();
    t.rows.push({ Id: 'a1', Body: 'hello' });
    t.fail(new EngineError('CREATIO_UNAVAILABLE', 'down'));
    t.webhook('w1');
    t.sync.schedule('c1');
    await t.sync.whenIdle();
    expect(t.events.filter((e) => e.type === 'webhook.fetch-failed')).toHaveLength(1);
    expect(t.state.conversations.get('c1')!.webhook!.pendingWebhooks).toEqual(['w1']);
    expect(t.timers).toHaveLength(1);
    t.fail(undefined);
    t.fireTimers();
    await t.sync.whenIdle();
    expect(t.delivered.map((m) => m.text)).toEqual(['hello']);
    expect(t.state.conversations.get('c1')!.webhook!.pendingWebhooks).toEqual([]);
  });

  it('a refused delivery is retried later, and the replies behind it wait (order kept)', async () => {
    const t = setup();
    t.rows.push({ Id: 'a1', Body: 'first' }, { Id: 'a2', Body: 'second' });
    t.refuse(1);
    t.webhook('w1');
    t.sync.schedule('c1');
    await t.sync.whenIdle();
    expect(t.delivered).toEqual([]);
    expect(t.events.filter((e) => e.type === 'reply.delivery-failed')).toHaveLength(1);
    t.fireTimers();
    await t.sync.whenIdle();
    expect(t.delivered.map((m) => m.text)).toEqual(['first', 'second']);
  });
});
