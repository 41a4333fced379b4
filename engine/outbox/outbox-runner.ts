/**
 * Runs the outbox: per conversation strictly in order (the head item blocks the items behind it
 * until it is done; a dead head keeps blocking until retried by hand, so an activity never lands
 * before its case), different conversations concurrently up to a cap. With `executeGroup`, the head
 * takes the pending items right behind it along (up to `groupLimit`) and they are written together
 * (one `$batch`): the items done are committed in order, the first that failed takes the usual
 * path below, the ones after it stay pending. Failed attempts are retried with backoff (backoff.ts)
 * while `isRetryable`; otherwise, or after `maxAttempts`, the item parks as a dead letter. All state
 * changes go through `commit` (durable events), never around it: one commit per attempt.
 */
import { isRetryable, toEngineError } from '../engine-error';
import type { DurableEvent, ErrorInfo, TransientEvent } from '../events';
import type { Clock, Random } from '../ports';
import { retryDelay } from './backoff';
import type { GroupOutcome, OutboxItem } from './outbox-types';

export interface OutboxRunnerOptions {
  clock: Clock;
  random: Random;
  retry: () => { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  /** Carries out one item against Creatio; resolves with the events describing what was made. */
  execute: (item: OutboxItem) => Promise<DurableEvent[]>;
  /**
   * Carries out consecutive items of one conversation together (head first); absent: one at a time.
   * A throw counts as the head's failure.
   */
  executeGroup?: (items: OutboxItem[]) => Promise<GroupOutcome>;
  /** Most items taken together with `executeGroup` (default 1). */
  groupLimit?: number;
  /** Called after an attempt got at least one item done. */
  onProgress?: () => void;
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
  /** Items not done yet (pending or dead) that the runner holds. */
  backlog(): number;
}

export function createOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const { clock } = options;
  const cap = options.concurrency ?? 8;
  const groupLimit = options.executeGroup ? Math.max(1, options.groupLimit ?? 1) : 1;
  /** Pending and dead items per conversation, in seq order. */
  const queues = new Map<string, OutboxItem[]>();
  const inFlight = new Map<string, Promise<void>>();
  /** Items in `queues`, all conversations together. */
  let queued = 0;
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
      inFlight.set(conversationId, attempt(takeGroup(queue, now)));
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

  /** The head and the pending items right behind it, up to the group limit. */
  function takeGroup(queue: readonly OutboxItem[], now: number): OutboxItem[] {
    const group = [queue[0]!];
    for (let i = 1; i < queue.length && group.length < groupLimit; i += 1) {
      const item = queue[i]!;
      if (item.state !== 'pending' || item.nextAttemptAt > now) break;
      group.push(item);
    }
    return group;
  }

  async function attempt(group: OutboxItem[]): Promise<void> {
    const head = group[0]!;
    const at = () => new Date(clock.now()).toISOString();
    for (const item of group) {
      options.emit({ type: 'outbox.attempted', at: at(), conversationId: item.conversationId, itemId: item.id, kind: item.kind, attempt: item.attempts + 1 });
    }
    try {
      await options.commit(await run(group, at));
      const queue = queues.get(head.conversationId);
      let done = 0;
      for (; queue?.[0] && queue[0].state === 'done'; done += 1) queue.shift();
      queued -= done;
      if (done > 0) options.onProgress?.();
    } catch (error) {
      // Only a failing store lands here (run turns Creatio failures into events): stop trying,
      // the state on disk is behind the state in memory and the host must restart the engine.
      stopped = true;
      options.emit({ type: 'store.failed', at: at(), message: toEngineError(error).message });
    } finally {
      inFlight.delete(head.conversationId);
      queueMicrotask(pump);
    }
  }

  /** Carries out the group; the events of what was done, in order, then of the failure if one. */
  async function run(group: OutboxItem[], at: () => string): Promise<DurableEvent[]> {
    let outcome: GroupOutcome;
    try {
      outcome = group.length === 1 || !options.executeGroup
        ? { done: [await options.execute(group[0]!)] }
        : await options.executeGroup(group);
    } catch (failure) {
      outcome = { done: [], failure };
    }
    const done = outcome.done.slice(0, group.length);
    const events = done.flatMap((list, i) => [...list, { type: 'outbox.completed' as const, at: at(), conversationId: group[i]!.conversationId, itemId: group[i]!.id }]);
    const failed = group[done.length];
    if (failed && outcome.failure !== undefined) events.push(failureEvent(failed, outcome.failure, at));
    return events;
  }

  /** A failed attempt: a retry later while the error is retryable and attempts are left, else a dead letter. */
  function failureEvent(item: OutboxItem, thrown: unknown, at: () => string): DurableEvent {
    const base = { conversationId: item.conversationId, itemId: item.id };
    const error = toEngineError(thrown);
    const info: ErrorInfo = { code: error.code, message: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
    const attempts = item.attempts + 1;
    const retry = options.retry();
    if (!isRetryable(error) || attempts >= retry.maxAttempts) {
      return { type: 'outbox.dead-lettered', at: at(), ...base, attempts, error: info };
    }
    const delayMs = retryDelay({ attempts, ...retry, random: options.random, retryAfterMs: error.retryAfterMs });
    return { type: 'retry.scheduled', at: at(), ...base, attempts, delayMs, nextAttemptAt: clock.now() + delayMs, error: info };
  }

  return {
    add(item) {
      const queue = queues.get(item.conversationId) ?? [];
      if (queue.includes(item)) return;
      let index = queue.length;
      while (index > 0 && queue[index - 1]!.seq > item.seq) index -= 1;
      queue.splice(index, 0, item);
      queues.set(item.conversationId, queue);
      queued += 1;
    },
    backlog: () => queued,
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
