/**
 * The outbox runner taking a conversation's head item and the pending items behind it together
 * (one `$batch` in the engine): which items go together, what a failure inside the group does to
 * the items before and after it, the order of what is committed, and a dead letter in the middle.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../creatio/test-clock';
import { EngineError } from '../engine-error';
import type { DurableEvent, EngineEvent } from '../events';
import type { Random } from '../ports';
import { applyEvent, createEngineState } from '../state/reducer';
import { createTransaction } from '../state/transaction';
import { createOutboxRunner } from './outbox-runner';
import type { GroupOutcome, OutboxItem } from './outbox-types';

const label = (item: OutboxItem) => (item.payload as unknown as { label: string }).label;
const random: Random = { next: () => 0.5, uuid: (() => { let n = 0; return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; })() };

/** What the scripted writer does with one group: how many items it got done, and the error of the next one. */
type Script = (labels: string[], call: number) => { done: number; failure?: unknown };

function setup(script: Script, options: { groupLimit?: number; concurrency?: number } = {}) {
  const clock = createManualClock();
  const state = createEngineState();
  const events: EngineEvent[] = [];
  const groups: string[] = [];
  const commits: string[][] = [];
  let calls = 0;
  const runner = createOutboxRunner({
    clock, random, retry: () => ({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }), emit: (e) => events.push(e),
    concurrency: options.concurrency, groupLimit: options.groupLimit ?? 10,
    execute: async (item) => {
      groups.push(label(item));
      const { failure } = script([label(item)], ++calls);
      if (failure !== undefined) throw failure;
      return [];
    },
    executeGroup: async (items): Promise<GroupOutcome> => {
      const labels = items.map(label);
      groups.push(labels.join(','));
      const { done, failure } = script(labels, ++calls);
      return { done: labels.slice(0, done).map(() => []), ...(failure === undefined ? {} : { failure }) };
    },
    commit: async (list: DurableEvent[]) => {
      for (const e of list) applyEvent(state, e);
      events.push(...list);
      commits.push(list.map((e) => `${e.type}:${'itemId' in e ? label(state.outbox.get(e.itemId)!) : ''}`));
    },
  });
  const tx = createTransaction(state, random, new Date(clock.now()).toISOString());
  for (const conversationId of ['A', 'B']) tx.push({ type: 'conversation.started', at: tx.at, conversationId, channel: 'web', customer: { name: 'x' } });
  const byLabel = new Map<string, OutboxItem>();
  const enqueue = (conversationId: string, ...labels: string[]) => {
    for (const l of labels) {
      tx.enqueue(conversationId, 'activity.log', { label: l } as never);
      const item = tx.items[tx.items.length - 1]!;
      byLabel.set(l, item);
      runner.add(item);
    }
  };
  const flush = async () => { for (let i = 0; i < 50; i += 1) await new Promise((r) => setImmediate(r)); };
  const stateOf = (...labels: string[]) => labels.map((l) => `${l}:${byLabel.get(l)!.state}/${byLabel.get(l)!.attempts}`);
  return { clock, state, events, groups, commits, runner, enqueue, flush, stateOf, byLabel };
}

const unavailable = () => new EngineError('CREATIO_UNAVAILABLE', '503');
const allDone = (labels: string[]) => ({ done: labels.length });

describe('createOutboxRunner with groups', () => {
  it('takes the head and the pending items behind it, up to the limit, per conversation', async () => {
    const t = setup(allDone, { groupLimit: 3 });
    t.enqueue('A', 'a1', 'a2', 'a3', 'a4', 'a5');
    t.enqueue('B', 'b1');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2,a3', 'b1', 'a4,a5']);
    // one commit per group, each item's events then its completion, in order
    expect(t.commits[0]).toEqual(['outbox.completed:a1', 'outbox.completed:a2', 'outbox.completed:a3']);
    expect(t.events.filter((e) => e.type === 'outbox.attempted')).toHaveLength(6);
    expect(t.stateOf('a1', 'a5', 'b1')).toEqual(['a1:done/0', 'a5:done/0', 'b1:done/0']);
  });

  it('items enqueued while a group is in flight go in the next group', async () => {
    const t = setup(allDone);
    t.enqueue('A', 'a1', 'a2');
    t.runner.pump(); // the group a1,a2 is taken at once
    t.enqueue('A', 'a3', 'a4');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2', 'a3,a4']);
  });

  it('a failure inside the group: the items before it are done, it is retried, the ones after wait for it', async () => {
    const t = setup((labels, call) => (call === 1 ? { done: 1, failure: unavailable() } : { done: labels.length }));
    t.enqueue('A', 'a1', 'a2', 'a3', 'a4');
    t.runner.pump();
    await t.flush();
    expect(t.commits[0]).toEqual(['outbox.completed:a1', 'retry.scheduled:a2']);
    expect(t.stateOf('a1', 'a2', 'a3', 'a4')).toEqual(['a1:done/0', 'a2:pending/1', 'a3:pending/0', 'a4:pending/0']);
    t.clock.advance(49);
    await t.flush();
    expect(t.groups).toEqual(['a1,a2,a3,a4']); // not before the retry's time, and a3 does not overtake a2
    t.clock.advance(1);
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2,a3,a4', 'a2,a3,a4']);
    const completed = t.events.filter((e) => e.type === 'outbox.completed').map((e) => 'itemId' in e && label(t.state.outbox.get(e.itemId)!));
    expect(completed).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('a dead letter in the middle: done before it, dead, and the rest blocked until it is retried by hand', async () => {
    let healthy = false;
    const t = setup((labels) => (!healthy && labels.includes('a2')
      ? { done: labels.indexOf('a2'), failure: new EngineError('CREATIO_BAD_REQUEST', 'Column Title is required') }
      : { done: labels.length }));
    t.enqueue('A', 'a1', 'a2', 'a3');
    t.enqueue('B', 'b1');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle(); // idle: a3 waits behind a dead letter, B is not held up
    expect(t.stateOf('a1', 'a2', 'a3', 'b1')).toEqual(['a1:done/0', 'a2:dead/1', 'a3:pending/0', 'b1:done/0']);
    expect(t.byLabel.get('a2')!.lastError).toMatchObject({ code: 'CREATIO_BAD_REQUEST' });

    healthy = true;
    applyEvent(t.state, { type: 'outbox.retried', at: 'x', conversationId: 'A', itemId: t.byLabel.get('a2')!.id });
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2,a3', 'b1', 'a2,a3']);
    expect(t.stateOf('a2', 'a3')).toEqual(['a2:done/0', 'a3:done/0']);
  });

  it('a throw from the group writer is the head item failing; nothing behind it moves', async () => {
    const t = setup((_labels, call) => (call === 1 ? { done: 0, failure: unavailable() } : { done: _labels.length }));
    t.enqueue('A', 'a1', 'a2');
    t.runner.pump();
    await t.flush();
    expect(t.stateOf('a1', 'a2')).toEqual(['a1:pending/1', 'a2:pending/0']);
    t.clock.advance(1_000);
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2', 'a1,a2']);
  });

  it('the items after a partial success that the writer left untried stay pending, untouched', async () => {
    const t = setup((labels, call) => (call === 1 ? { done: 1 } : { done: labels.length }));
    t.enqueue('A', 'a1', 'a2', 'a3');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1,a2,a3', 'a2,a3']);
    expect(t.stateOf('a2', 'a3')).toEqual(['a2:done/0', 'a3:done/0']);
    expect(t.events.some((e) => e.type === 'retry.scheduled')).toBe(false);
  });

  it('a lone item goes through execute, one request as before', async () => {
    const t = setup(allDone);
    t.enqueue('A', 'a1');
    t.runner.pump();
    await t.flush();
    await t.runner.whenIdle();
    expect(t.groups).toEqual(['a1']);
    expect(t.stateOf('a1')).toEqual(['a1:done/0']);
  });
});
