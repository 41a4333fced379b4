/**
 * Waiting for a condition of the lab (issue 5 "Expectations wait for their condition up to a
 * timeout; no fixed sleeps"): the condition is checked at once, then again on every lab event that
 * could change it, until it holds or the step's timeout passes. Nothing here sleeps: between events
 * the lab cannot have changed, so there is nothing to poll.
 */
import type { LabEvent } from '../lab.types';

/** One look at the condition: it holds (with what was found), or not yet (with what was seen instead). */
export type Check<T> = { ok: true; value: T } | { ok: false; seen: string };

export const holds = <T>(value: T): Check<T> => ({ ok: true, value });
export const notYet = (seen: string): Check<never> => ({ ok: false, seen });

export interface WaitForOptions<T> {
  /** Where lab events arrive (the lab's bus). */
  subscribe: (listener: (event: LabEvent) => void) => () => void;
  /** Looks at the condition. Throwing ends the wait at once (a mistake in the scenario, not "not yet"). */
  check: () => Check<T> | Promise<Check<T>>;
  timeoutMs: number;
  /** What the step waits for, in words: `ann to see an ai message containing "track"`. */
  expected: string;
  /**
   * Which events are worth a new look. Default: every event. A condition read over OData passes
   * `record.*` events (and its own conversation's), so its queries never feed on their own traffic.
   */
  recheckOn?: (event: LabEvent) => boolean;
}

/** The wait ran out: says what was expected and what was seen last. */
export class WaitTimeoutError extends Error {
  constructor(readonly expected: string, readonly lastSeen: string, readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms waiting for ${expected}; last seen: ${lastSeen}`);
    this.name = 'WaitTimeoutError';
  }
}

/** Resolves with the condition's value once it holds; rejects with WaitTimeoutError after `timeoutMs`. */
export function waitFor<T>(options: WaitForOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let lastSeen = 'nothing yet (the condition was not checked)';
    let running = false;
    let dirty = false;
    let done = false;

    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };

    // Checks never overlap: an event during a check only asks for one more look after it.
    const look = async (): Promise<void> => {
      if (done) return;
      if (running) {
        dirty = true;
        return;
      }
      running = true;
      try {
        do {
          dirty = false;
          const result = await options.check();
          if (done) return;
          if (result.ok) {
            finish(() => resolve(result.value));
            return;
          }
          lastSeen = result.seen;
        } while (dirty && !done);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        running = false;
      }
    };

    const timer = setTimeout(() => finish(() => reject(new WaitTimeoutError(options.expected, lastSeen, options.timeoutMs))), options.timeoutMs);
    const unsubscribe = options.subscribe((event) => {
      if (!options.recheckOn || options.recheckOn(event)) void look();
    });
    void look();
  });
}

/** Resolves with `promise`, or rejects with WaitTimeoutError when it takes longer than `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, expected: string, lastSeen: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new WaitTimeoutError(expected, lastSeen(), timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
