/**
 * Runs the outbox: per conversation strictly in order (the head item blocks the items behind it
 * until it is done; a dead head keeps blocking until retried by hand, so an activity never lands
 * before its case), different conversations concurrently up to a cap. Failed attempts are retried
 * with backoff (backoff.ts) while `isRetryable`; otherwise, or after `maxAttempts`, the item parks
 * as a dead letter. All state changes go through `commit` (durable events), never around it.
 */
import { isRetryable, toEngineError } from '../engine-error';
import type { DurableEvent, ErrorInfo, TransientEvent } from '../events';
import type { Clock, Random } from '../ports';
import { retryDelay } from './backoff';
import type { OutboxItem } from './outbox-types';

export interface OutboxRunnerOptions {
  clock: Clock;
  random: Random;
  retry: () => { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  /** Carries out one item against Creatio; resolves with the events describing what was made. */
  execute: (item: OutboxItem) => Promise<DurableEvent[]>;
  /** Applies durable events to the state and resolves once they are stored. */
  commit: (events: DurableEvent[]) => Promise<void>;
  emit: (event: TransientEvent) => void;
  /** Most attempts in flight at once, over all conversations (default 8). */
  concurrency?: number;
}

export interface OutboxRunner {
  /** Makes a pending or dead item known to the runner (after its enqueue is durable). */
  add(item: OutboxItem): void;
  /** Looks for work now (after an add, a manual retry, a clock change). */
  pump(): void;
  stop(): Promise<void>;
  /** Resolves when no item can make progress: nothing pending, or only behind dead letters. */
  whenIdle(): Promise<void>;
}

export function createOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const { clock } = options;
  const cap = options.concurrency ?? 8;
  /** Pending and dead items per conversation, in seq order. */
  const queues = new Map<string, OutboxItem[]>();
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: { at: number; cancel: () => void } | undefined;
  let idleWaiters: (() => void)[] = [];

  function isIdle(): boolean {
    if (inFlight.size > 0) return false;
    if (stopped) return true; // nothing more will happen
    for (const queue of queues.values()) if (queue[0] && queue[0].state === 'pending') return false;
    return true;
  }

  function notifyIdle(): void {
    if (idleWaiters.length === 0 || !isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump(): void {
    if (stopped) {
      notifyIdle();
      return;
    }
    const now = clock.now();
    let earliest = Infinity;
    for (const [conversationId, queue] of queues) {
      const head = queue[0];
      if (!head) {
        queues.delete(conversationId);
        continue;
      }
      if (inFlight.has(conversationId) || head.state !== 'pending') continue;
      if (head.nextAttemptAt > now) {
        earliest = Math.min(earliest, head.nextAttemptAt);
        continue;
      }
      if (inFlight.size >= cap) break;
      // Round robin: a conversation just served goes to the back, so under load the first
      // conversations in the map cannot starve the others of the concurrency slots.
      queues.delete(conversationId);
      queues.set(conversationId, queue);
      inFlight.set(conversationId, attempt(head));
    }
    armTimer(earliest, now);
    notifyIdle();
  }

  function armTimer(at: number, now: number): void {
    if (timer && timer.at <= at) return;
    timer?.cancel();
    timer = undefined;
    if (!Number.isFinite(at)) return;
    const cancel = clock.setTimer(() => {
      timer = undefined;
      pump();
    }, Math.max(0, at - now));
    timer = { at, cancel };
  }

  async function attempt(item: OutboxItem): Promise<void> {
    const at = () => new Date(clock.now()).toISOString();
    options.emit({ type: 'outbox.attempted', at: at(), conversationId: item.conversationId, itemId: item.id, kind: item.kind, attempt: item.attempts + 1 });
    try {
      const events = await runItem(item, at);
      await options.commit(events);
      const queue = queues.get(item.conversationId);
      if (queue?.[0] === item && item.state === 'done') queue.shift();
    } catch (error) {
      // Only a failing store lands here (runItem turns Creatio failures into events): stop trying,
      // the state on disk is behind the state in memory and the host must restart the engine.
      stopped = true;
      options.emit({ type: 'store.failed', at: at(), message: toEngineError(error).message });
    } finally {
      inFlight.delete(item.conversationId);
      queueMicrotask(pump);
    }
  }

  async function runItem(item: OutboxItem, at: () => string): Promise<DurableEvent[]> {
    const base = { conversationId: item.conversationId, itemId: item.id };
    try {
      const events = await options.execute(item);
      return [...events, { type: 'outbox.completed', at: at(), ...base }];
    } catch (thrown) {
      const error = toEngineError(thrown);
      const info: ErrorInfo = { code: error.code, message: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
      const attempts = item.attempts + 1;
      const retry = options.retry();
      if (!isRetryable(error) || attempts >= retry.maxAttempts) {
        return [{ type: 'outbox.dead-lettered', at: at(), ...base, attempts, error: info }];
      }
      const delayMs = retryDelay({ attempts, ...retry, random: options.random, retryAfterMs: error.retryAfterMs });
      return [{ type: 'retry.scheduled', at: at(), ...base, attempts, delayMs, nextAttemptAt: clock.now() + delayMs, error: info }];
    }
  }

  return {
    add(item) {
      const queue = queues.get(item.conversationId) ?? [];
      if (queue.includes(item)) return;
      let index = queue.length;
      while (index > 0 && queue[index - 1]!.seq > item.seq) index -= 1;
      queue.splice(index, 0, item);
      queues.set(item.conversationId, queue);
    },
    pump,
    async stop() {
      stopped = true;
      timer?.cancel();
      timer = undefined;
      await Promise.allSettled([...inFlight.values()]);
      notifyIdle();
    },
    whenIdle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
