import type { Clock } from '../ports';

/** A Clock for tests: time moves only by `advance`, which fires the timers that fall due. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Timers set and neither fired nor cancelled. */
  pendingTimers(): number;
}

/** `base` lets the clock share time with something else that reads it (the simulated site's `now`). */
export function createManualClock(base?: { now(): number; advance(ms: number): void }): ManualClock {
  let own = Date.UTC(2026, 10, 24, 9, 0, 0);
  const now = base ? () => base.now() : () => own;
  const move = base ? (ms: number) => base.advance(ms) : (ms: number) => void (own += ms);
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now() + ms, fn });
      return () => void timers.delete(id);
    },
    advance(ms) {
      move(ms);
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now()) continue;
        timers.delete(id);
        timer.fn();
      }
    },
    pendingTimers: () => timers.size,
  };
}
