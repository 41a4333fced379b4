/**
 * Back-pressure on intake. The engine runs intake (the AI's turn, the durable append) and the sync
 * on one event loop: when customers write faster than the sync can write to Creatio, intake takes
 * the CPU and the sync starves, so the backlog grows ever faster. While the outbox holds more than
 * `highWater` items AND the sync is making progress, a new customer message waits here (first come,
 * first served, at most `maxWaitMs`) before it is stored, so intake runs at about the rate the
 * sync keeps. When the sync makes no progress (Creatio down, every item in backoff) the gate stays
 * open: the durable outbox exists to absorb exactly that, and the chat must go on meanwhile.
 */
import { EngineError } from '../engine-error';
import type { Clock } from '../ports';

export interface IntakeGateOptions {
  clock: Clock;
  /** Items in the outbox not yet written to Creatio. */
  backlog: () => number;
  /** Backlog from which intake waits; 0: never. */
  highWater: number;
  /** Longest wait for one message (its acknowledgement is that much later). */
  maxWaitMs: number;
  /** Without progress for this long the sync counts as stalled and the gate opens. */
  stalledAfterMs: number;
}

export interface IntakeGate {
  /**
   * Undefined when a new message may be stored at once (so an open gate changes nothing, not even
   * a microtask); else a promise that resolves when it may, or rejects once the gate is shut.
   */
  admit(): Promise<void> | undefined;
  /** The sync wrote items: look again. */
  progressed(): void;
  /** Rejects every waiter and every later admit. */
  shut(): void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  until: number;
}

export function createIntakeGate(options: IntakeGateOptions): IntakeGate {
  const { clock } = options;
  const waiters: Waiter[] = [];
  let lastProgressAt = -Infinity;
  let shutError: EngineError | undefined;
  let timer: (() => void) | undefined;
  // Waiters just let through have not stored their message yet (that happens in their own
  // microtask): a newcomer in the same tick must queue behind them, not overtake them.
  let justReleased = false;

  const holding = (): boolean => options.highWater > 0 && options.backlog() >= options.highWater
    && clock.now() - lastProgressAt < options.stalledAfterMs;

  /** Lets waiters through in order: all of them when open, else those whose wait is over (they are first). */
  function release(): void {
    timer?.();
    timer = undefined;
    const open = !holding();
    const now = clock.now();
    while (waiters.length > 0 && (open || waiters[0]!.until <= now)) {
      waiters.shift()!.resolve();
      if (!justReleased) queueMicrotask(() => { justReleased = false; });
      justReleased = true;
    }
    if (waiters.length === 0) return;
    const next = Math.min(waiters[0]!.until, lastProgressAt + options.stalledAfterMs);
    timer = clock.setTimer(release, Math.max(0, next - now));
  }

  return {
    admit() {
      if (shutError) return Promise.reject(shutError);
      if (waiters.length === 0 && !justReleased && !holding()) return undefined;
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject, until: clock.now() + options.maxWaitMs });
        release();
      });
    },
    progressed() {
      lastProgressAt = clock.now();
      if (waiters.length > 0) release();
    },
    shut() {
      shutError = new EngineError('INTERNAL', 'the engine is stopped');
      timer?.();
      timer = undefined;
      for (const waiter of waiters.splice(0)) waiter.reject(shutError);
    },
  };
}
