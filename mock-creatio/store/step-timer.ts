/**
 * The longest stretch of synchronous work the store's persistence did on the event loop: applying
 * and serialising a commit, building a log append, each slice of a compaction. That is what "the
 * store never blocks the event loop for more than 50 ms" (issue 2) is about, told apart from the
 * garbage collector's pauses, which a loop-delay monitor cannot separate. The bench reads it.
 */
export class StepTimer {
  longestMs = 0;

  /** Runs `work` (synchronous) and keeps its duration if it is the longest yet. */
  time<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.note(performance.now() - started);
    }
  }

  /** A step timed by its owner (a compaction slice measures itself). */
  note(ms: number): void {
    if (ms > this.longestMs) this.longestMs = ms;
  }

  reset(): void {
    this.longestMs = 0;
  }
}
