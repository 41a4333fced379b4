import { describe, expect, it } from 'vitest';
import { createCoalescingSaver } from './chat-file';

/** A write that stays pending until the test lets it finish. */
function controlledWrite(): { write: () => Promise<void>; started: number; finish: () => void } {
  const pending: (() => void)[] = [];
  const control = {
    started: 0,
    write: () => {
      control.started++;
      return new Promise<void>((resolve) => { pending.push(resolve); });
    },
    finish: () => pending.shift()?.(),
  };
  return control;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createCoalescingSaver', () => {
  it('groups every save asked for during a write into one next write', async () => {
    const control = controlledWrite();
    const saver = createCoalescingSaver(control.write);
    const first = saver.save();
    await settle();
    expect(control.started).toBe(1);
    const burst = Array.from({ length: 100 }, () => saver.save());
    await settle();
    expect(control.started).toBe(1); // serialised: the next write waits for the running one
    control.finish();
    await first;
    await settle();
    expect(control.started).toBe(2);
    control.finish();
    await Promise.all(burst);
    expect(control.started).toBe(2);
  });

  it('rejects the callers of a failed write and writes again on the next save', async () => {
    let calls = 0;
    const saver = createCoalescingSaver(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
    });
    await expect(saver.save()).rejects.toThrow('disk full');
    await expect(saver.save()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
