/**
 * Retry delays: exponential backoff with "full jitter" (a uniformly random delay between 0 and the
 * exponential ceiling, as in AWS's "Exponential Backoff And Jitter"), so that many conversations
 * failing together do not retry in lockstep. A server's Retry-After is a floor: we never come back
 * sooner than asked (RFC 9110 §10.2.3), even past `maxDelayMs`.
 */
import type { Random } from '../ports';

export interface BackoffOptions {
  /** Failed attempts so far, counting the one that just failed (1 after the first failure). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: Random;
  /** What the server asked for (Retry-After), when it did. */
  retryAfterMs?: number;
}

/** The exponential ceiling for the given attempt: base · 2^(attempts−1), capped at maxDelayMs. */
export function backoffCeiling(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** Milliseconds to wait before the next attempt. */
export function retryDelay(options: BackoffOptions): number {
  const ceiling = backoffCeiling(options.attempts, options.baseDelayMs, options.maxDelayMs);
  const jittered = Math.floor(options.random.next() * ceiling);
  return options.retryAfterMs === undefined ? jittered : Math.max(options.retryAfterMs, jittered);
}
