import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('coalesce', () => {
  it('runs once more after triggers that came during a run, never twice at a time', async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    const trigger = coalesce(async () => {
      const gate = gates[runs++]!;
      active += 1;
      maxActive = Math.max(maxActive, active);
      await gate.promise;
      active -= 1;
    });
    const first = trigger();
    void trigger();
    void trigger();
    gates[0]!.resolve();
    gates[1]!.resolve();
    await first;
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('keeps going after a failed run and reports the error', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const trigger = coalesce(async () => {
      runs += 1;
      if (runs === 1) throw new Error('boom');
    }, (e) => errors.push(e));
    await trigger();
    await trigger();
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
