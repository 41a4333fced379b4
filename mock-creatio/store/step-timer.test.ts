/** The store's persistence step timer (step-timer.ts): the longest steps, net of collector pauses. */
import { expect, it } from 'vitest';
import { StepTimer } from './step-timer';

// Steps on a made-up stretch of the timeline far ahead, where no real collection can have happened.
const T = 1e12;
const internals = (timer: StepTimer) => timer as unknown as { steps: { ms: number }[]; pauses: { start: number; ms: number }[] };

it('keeps the longest step, and takes off the garbage-collection pauses inside it', () => {
  const timer = new StepTimer();
  try {
    timer.note(3, T + 100);
    timer.note(40, T + 200);
    timer.note(12, T + 300);
    expect([timer.longestMs, timer.longestWithPausesMs]).toEqual([40, 40]);
    // a 35 ms pause inside the 40 ms step (and one before any step): its own work was 5 ms, so the 12 ms step is the longest
    internals(timer).pauses.push({ start: T + 202, ms: 35 }, { start: T + 90, ms: 5 });
    expect([timer.longestMs, timer.longestWithPausesMs]).toEqual([12, 40]);
    timer.reset();
    expect([timer.longestMs, timer.longestWithPausesMs]).toEqual([0, 0]);
  } finally {
    timer.stop();
  }
});

it('times a synchronous step it runs', () => {
  const timer = new StepTimer();
  try {
    const started = performance.now();
    const busy = () => {
      const own = performance.now(); // after the timer's start: the step it measures holds all of this
      while (performance.now() - own < 2); // two milliseconds of synchronous work
      return 'done';
    };
    expect(timer.time(busy)).toBe('done');
    expect(timer.longestWithPausesMs).toBeGreaterThanOrEqual(2);
    expect(timer.longestWithPausesMs).toBeLessThanOrEqual(performance.now() - started);
  } finally {
    timer.stop();
  }
});

it('keeps only the 32 longest steps', () => {
  const timer = new StepTimer();
  try {
    for (let i = 1; i <= 100; i += 1) timer.note(i, T + i * 1000);
    expect(internals(timer).steps.map((s) => s.ms)).toEqual(Array.from({ length: 32 }, (_, i) => 100 - i));
  } finally {
    timer.stop();
  }
});
