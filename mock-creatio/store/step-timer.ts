import { PerformanceObserver } from 'node:perf_hooks';

/** How many of the longest steps are kept to be netted against garbage-collection pauses. */
const KEPT_STEPS = 32;
/** How many recent garbage-collection pauses are kept (a long step overlaps a few at most). */
const KEPT_PAUSES = 256;

interface Span {
  start: number;
  ms: number;
}

/**
 * The longest stretch of synchronous work the store's persistence did on the event loop: applying
 * and serialising a commit, building a log append, each slice of a compaction. That is what "the
 * store never blocks the event loop for more than 50 ms" (issue 2) is about. A step's wall time also
 * holds any garbage-collection pause that struck during it (the collector runs when something
 * allocates, whoever it is), so the pauses are observed too and taken off the steps they overlap:
 * `longestMs` is persistence's own work, `longestWithPausesMs` the wall time. The bench reads both.
 */
export class StepTimer {
  private steps: Span[] = [];
  private pauses: Span[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.pauses.push({ start: entry.startTime, ms: entry.duration });
    if (this.pauses.length > KEPT_PAUSES * 2) this.pauses = this.pauses.slice(-KEPT_PAUSES);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Runs `work` (synchronous) and keeps its duration if it is among the longest. */
  time<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.note(performance.now() - started, started);
    }
  }

  /** A step timed by its owner (a compaction slice measures itself); `start` defaults to now minus `ms`. */
  note(ms: number, start = performance.now() - ms): void {
    if (this.steps.length >= KEPT_STEPS && ms <= this.steps[this.steps.length - 1]!.ms) return;
    let at = this.steps.length;
    while (at > 0 && this.steps[at - 1]!.ms < ms) at -= 1;
    this.steps.splice(at, 0, { start, ms });
    if (this.steps.length > KEPT_STEPS) this.steps.pop();
  }

  /** The longest step with the garbage-collection pauses inside it taken off. */
  get longestMs(): number {
    let longest = 0;
    for (const step of this.steps) {
      const end = step.start + step.ms;
      let paused = 0;
      for (const pause of this.pauses) paused += Math.max(0, Math.min(end, pause.start + pause.ms) - Math.max(step.start, pause.start));
      longest = Math.max(longest, step.ms - paused);
    }
    return longest;
  }

  /** The longest step's wall time, pauses included. */
  get longestWithPausesMs(): number {
    return this.steps[0]?.ms ?? 0;
  }

  reset(): void {
    this.steps = [];
  }

  stop(): void {
    this.observer.disconnect();
  }
}
