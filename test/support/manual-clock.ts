import type { Clock } from '../../engine';

/** A Clock for cross-area tests: time moves only by `advance`, which fires the timers that fall due. */
export function createManualClockForTests(start = Date.UTC(2026, 10, 24, 9, 0, 0)): Clock & { advance(ms: number): void } {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return () => void timers.delete(id);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.fn();
      }
    },
  };
}
