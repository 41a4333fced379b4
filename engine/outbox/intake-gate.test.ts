import { describe, expect, it } from 'vitest';
import { createManualClock } from '../creatio/test-clock';
import { createIntakeGate } from './intake-gate';

function setup(highWater = 10) {
  const clock = createManualClock();
  let backlog = 0;
  const gate = createIntakeGate({ clock, backlog: () => backlog, highWater, maxWaitMs: 1_000, stalledAfterMs: 500 });
  const admitted: string[] = [];
  /** Asks the gate for `label`; records it once admitted ('at once' when it did not wait). */
  const ask = (label: string): Promise<void> | undefined => {
    const wait = gate.admit();
    if (!wait) {
      admitted.push(`${label} at once`);
      return undefined;
    }
    return wait.then(() => void admitted.push(label), (e: unknown) => void admitted.push(`${label} refused: ${(e as Error).message}`));
  };
  const settle = () => new Promise((r) => setImmediate(r));
  return { clock, gate, admitted, ask, settle, setBacklog: (n: number) => void (backlog = n) };
}

describe('createIntakeGate', () => {
  it('is open below the high-water mark, and then changes nothing (no promise to wait on)', () => {
    const t = setup();
    t.setBacklog(9);
    t.gate.progressed();
    expect(t.gate.admit()).toBeUndefined();
  });

  it('holds messages while the backlog is high and the sync progresses; lets them through in order once it drops', async () => {
    const t = setup();
    t.setBacklog(10);
    t.gate.progressed();
    void t.ask('m1');
    void t.ask('m2');
    await t.settle();
    expect(t.admitted).toEqual([]);
    t.clock.advance(100);
    t.gate.progressed(); // progress, still at the mark
    await t.settle();
    expect(t.admitted).toEqual([]);
    t.setBacklog(9);
    t.gate.progressed();
    void t.ask('m3'); // open again, but behind the ones already waiting
    await t.settle();
    expect(t.admitted).toEqual(['m1', 'm2', 'm3']);
  });

  it('a newcomer waits behind earlier waiters even when the gate is open', async () => {
    const t = setup();
    t.setBacklog(10);
    t.gate.progressed();
    void t.ask('m1');
    t.setBacklog(0); // nobody told the gate yet
    expect(t.gate.admit()).toBeInstanceOf(Promise);
  });

  it('no message waits longer than maxWaitMs', async () => {
    const t = setup();
    /** Time passes with the sync making progress (so it never counts as stalled). */
    const busy = (ms: number) => {
      for (let left = ms; left > 0; left -= 100) {
        t.clock.advance(Math.min(100, left));
        t.gate.progressed();
      }
    };
    t.setBacklog(50);
    t.gate.progressed();
    void t.ask('m1');
    busy(400);
    void t.ask('m2');
    busy(599);
    await t.settle();
    expect(t.admitted).toEqual([]);
    busy(1);
    await t.settle();
    expect(t.admitted).toEqual(['m1']);
    busy(400);
    await t.settle();
    expect(t.admitted).toEqual(['m1', 'm2']);
  });

  it('opens when the sync is stalled (Creatio down): the outbox absorbs the messages', async () => {
    const t = setup();
    t.setBacklog(50);
    t.gate.progressed();
    void t.ask('m1');
    t.clock.advance(500); // no progress for stalledAfterMs
    await t.settle();
    expect(t.admitted).toEqual(['m1']);
    t.ask('m2');
    expect(t.admitted).toEqual(['m1', 'm2 at once']);
  });

  it('a high-water mark of 0 never holds', () => {
    const t = setup(0);
    t.setBacklog(1_000_000);
    t.gate.progressed();
    expect(t.gate.admit()).toBeUndefined();
  });

  it('shutting refuses the waiting messages and later ones', async () => {
    const t = setup();
    t.setBacklog(10);
    t.gate.progressed();
    void t.ask('m1');
    t.gate.shut();
    void t.ask('m2');
    await t.settle();
    expect(t.admitted).toEqual(['m1 refused: the engine is stopped', 'm2 refused: the engine is stopped']);
    expect(t.clock.pendingTimers()).toBe(0);
  });
});
