import { describe, expect, it } from 'vitest';
import { createManualClock } from '../creatio/test-clock';
import { EngineError } from '../engine-error';
import type { DurableEvent, EngineEvent } from '../events';
import type { Random } from '../ports';
import { applyEvent, createEngineState } from '../state/reducer';
import { createTransaction } from '../state/transaction';
import { backoffCeiling, retryDelay } from './backoff';
import { createOutboxRunner } from './outbox-runner';
import type { OutboxItem } from './outbox-types';

const label = (item: OutboxItem) => (item.payload as unknown as { label: string }).label;

function fixedRandom(value: number): Random {
  let n = 0;
  return { next: () => value, uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

describe('retryDelay', () => {
  it('grows exponentially up to maxDelayMs, with full jitter between 0 and the ceiling', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempts) => backoffCeiling(attempts, 200, 5000));
    expect(ceilings).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    for (let attempts = 1; attempts <= 7; attempts += 1) {
      const top = retryDelay({ attempts, baseDelayMs: 200, maxDelayMs: 5000, random: fixedRandom(0.999999) });
      const bottom = retryDelay({ attempts, baseDelayMs: 200, maxDelayMs: 5000, random: fixedRandom(0) });
      expect(bottom).toBe(0);
      expect(top).toBe(ceilings[attempts - 1]! - 1);
    }
  });

  it('never comes back sooner than a Retry-After, even past maxDelayMs', () => {
    expect(retryDelay({ attempts: 1, baseDelayMs: 200, maxDelayMs: 5000, random: fixedRandom(0.5), retryAfterMs: 7000 })).toBe(7000);
    expect(retryDelay({ attempts: 6, baseDelayMs: 200, maxDelayMs: 5000, random: fixedRandom(0.9), retryAfterMs: 10 })).toBe(4500);
  });
});

/** A runner over a real state, an executor scripted per item, and a log of what happened. */
function setup(script: (item: OutboxItem, attempt: number) => void, retry = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }) {
  const clock = createManualClock();
  const random = fixedRandom(0.5);
  const state = createEngineState();
  const events: EngineEvent[] = [];
  const executed: string[] = [];
  const attempts = new Map<string, number>();
  const runner = createOutboxRunner({
    clock, random, retry: () => retry, emit: (e) => events.push(e),
    execute: async (item) => {
      const attempt = (attempts.get(item.id) ?? 0) + 1;
      attempts.set(item.id, attempt);
      executed.push(`${label(item)}#${attempt}`);
      script(item, attempt);
      return [];
    },
    commit: async (list: DurableEvent[]) => {
      for (const e of list) applyEvent(state, e);
      events.push(...list);
    },
  });
  const tx = createTransaction(state, random, new Date(clock.now()).toISOString());
  for (const conversationId of ['A', 'B']) tx.push({ type: 'conversation.started', at: tx.at, conversationId, channel: 'web', customer: { name: 'x' } });
  const enqueue = (conversationId: string, label: string) => {
    tx.enqueue(conversationId, 'case.update', { caseId: label, patch: {}, label } as never);
    const item = tx.items[tx.items.length - 1]!;
    runner.add(item);
    return item;
  };
  const flush = async () => { for (let i = 0; i < 50; i += 1) await new Promise((r) => setImmediate(r)); };
  return { clock, state, events, executed, runner, enqueue, flush };
}

const unavailable = (retryAfterMs?: number) =>
  new EngineError('CREATIO_UNAVAILABLE', '503', retryAfterMs === undefined ? {} : { retryAfterMs });

describe('createOutboxRunner', () => {
  it('runs a conversation strictly in order: a failing head blocks the items behind it, not other conversations', async () => {
    const t = setup((item, attempt) => { if (label(item) === 'a1' && attempt < 3) throw unavailable(); });
    t.enqueue('A', 'a1');
    t.enqueue('A', 'a2');
    t.enqueue('B', 'b1');
    t.runner.pump();
    await t.flush();
    expect(t.executed).toEqual(['a1#1', 'b1#1']);
    const first = t.events.find((e) => e.type === 'retry.scheduled');
    expect(first).toMatchObject({ attempts: 1, delayMs: 50 }); // 0.5 × ceiling 100
    t.clock.advance(50);
    await t.flush();
    expect(t.executed).toEqual(['a1#1', 'b1#1', 'a1#2']);
    expect(t.events.filter((e) => e.type === 'retry.scheduled').map((e) => 'delayMs' in e && e.delayMs)).toEqual([50, 100]);
    t.clock.advance(99);
    await t.flush();
    expect(t.executed).toHaveLength(3); // not before its time
    t.clock.advance(1);
    await t.flush();
    await t.runner.whenIdle();
    expect(t.executed).toEqual(['a1#1', 'b1#1', 'a1#2', 'a1#3', 'a2#1']);
    expect([...t.state.outbox.values()].every((i) => i.state === 'done')).toBe(true);
  });

  it('honours Retry-After', async () => {
    const t = setup((_item, attempt) => { if (attempt === 1) throw unavailable(10_000); });
    t.enqueue('A', 'a1');
    t.runner.pump();
    await t.flush();
    expect(t.events.find((e) => e.type === 'retry.scheduled')).toMatchObject({ delayMs: 10_000, error: { code: 'CREATIO_UNAVAILABLE', retryAfterMs: 10_000 } });
    t.clock.advance(9_999);
    await t.flush();
    expect(t.executed).toEqual(['a1#1']);
    t.clock.advance(1);
    await t.flush();
    expect(t.executed).toEqual(['a1#1', 'a1#2']);
  });

  it('dead-letters after maxAttempts; the dead letter blocks its conversation until retried by hand', async () => {
    let healthy = false;
    const t = setup((item) => { if (!healthy && label(item) === 'a1') throw unavailable(); });
    const a1 = t.enqueue('A', 'a1');
    t.enqueue('A', 'a2');
    t.runner.pump();
    for (let i = 0; i < 4; i += 1) {
      await t.flush();
      t.clock.advance(1_000);
    }
    await t.flush();
    await t.runner.whenIdle(); // idle: the only pending item waits behind a dead letter
    expect(t.executed).toEqual(['a1#1', 'a1#2', 'a1#3', 'a1#4']);
    expect(a1).toMatchObject({ state: 'dead', attempts: 4, lastError: { code: 'CREATIO_UNAVAILABLE' } });
    expect(t.events.filter((e) => e.type === 'outbox.dead-lettered')).toHaveLength(1);

    healthy = true;
    applyEvent(t.state, { type: 'outbox.retried', at: 'x', conversationId: 'A', itemId: a1.id });
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.executed.slice(4)).toEqual(['a1#5', 'a2#1']);
    expect(a1.state).toBe('done');
  });

  it('dead-letters at once on an error retrying cannot fix', async () => {
    const t = setup(() => { throw new EngineError('CREATIO_BAD_REQUEST', 'Column Subject is required'); });
    t.enqueue('A', 'a1');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.executed).toEqual(['a1#1']);
    expect(t.events.map((e) => e.type)).toContain('outbox.dead-lettered');
    expect(t.events.map((e) => e.type)).not.toContain('retry.scheduled');
  });

  it('caps the attempts in flight over all conversations', async () => {
    const clock = createManualClock();
    const release: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const state = createEngineState();
    const random = fixedRandom(0.5);
    const runner = createOutboxRunner({
      clock, random, concurrency: 3, retry: () => ({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }), emit: () => undefined,
      execute: () => new Promise((resolve) => {
        running += 1;
        most = Math.max(most, running);
        release.push(() => { running -= 1; resolve([]); });
      }),
      commit: async (list) => list.forEach((e) => applyEvent(state, e)),
    });
    const tx = createTransaction(state, random, 'x');
    for (let c = 0; c < 10; c += 1) {
      tx.push({ type: 'conversation.started', at: 'x', conversationId: `c${c}`, channel: 'web', customer: { name: 'x' } });
      tx.enqueue(`c${c}`, 'case.update', { caseId: 'x', patch: {} });
    }
    tx.items.forEach((item) => runner.add(item));
    runner.pump();
    const idle = runner.whenIdle();
    while (release.length > 0 || running > 0) {
      await new Promise((r) => setImmediate(r));
      release.shift()?.();
    }
    await idle;
    expect(most).toBe(3);
    expect([...state.outbox.values()].every((i) => i.state === 'done')).toBe(true);
  });
});
