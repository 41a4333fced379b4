import { EngineError } from '../engine-error';
import type { Clock, Fetch } from '../ports';

/** A whole HTTP answer, body read: what the rest of the client inspects. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Where a request went, for error details: never a secret (no headers, no bodies). */
export interface Where {
  method: string;
  path: string;
}

export interface ExchangeDeps {
  fetch: Fetch;
  clock: Clock;
  timeoutMs: number;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}

function timeoutError(where: Where, timeoutMs: number, cause: unknown): EngineError {
  return new EngineError('CREATIO_TIMEOUT', `Creatio did not answer ${where.method} ${where.path} within ${timeoutMs} ms`,
    { ...where, timeoutMs }, { cause });
}

/**
 * One request and its whole body under one timeout (the Clock's timer aborts the fetch, so tests
 * drive it by hand). Redirects are not followed: a 302 to NuiLogin is how some Creatio hosts say
 * "session expired" (reference §2.1), and following it would hide that.
 */
export async function exchange(deps: ExchangeDeps, url: string, init: RequestInit, where: Where): Promise<Reply> {
  const controller = new AbortController();
  let timedOut = false;
  const cancel = deps.clock.setTimer(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  try {
    let response: Response;
    try {
      response = await deps.fetch(url, { ...init, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      if (timedOut) throw timeoutError(where, deps.timeoutMs, error);
      throw new EngineError('CREATIO_UNREACHABLE', `Could not reach Creatio for ${where.method} ${where.path}: ${networkReason(error)}`,
        { ...where }, { cause: error });
    }
    try {
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      if (timedOut) throw timeoutError(where, deps.timeoutMs, error);
      // Headers came, the body did not: the reply was cut off (the request may have been carried out).
      throw new EngineError('CREATIO_BAD_RESPONSE', `The reply to ${where.method} ${where.path} was cut off: ${networkReason(error)}`,
        { ...where, status: response.status }, { cause: error });
    }
  } finally {
    cancel();
  }
}
