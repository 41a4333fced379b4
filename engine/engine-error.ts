/**
 * The engine's one error type: a code to branch on (retry decisions come from the code, in
 * `isRetryable`), the cause, and details that say what and where.
 */
export type EngineErrorCode =
  | 'SETTINGS_INVALID'
  | 'CREATIO_UNREACHABLE'      // connection refused, DNS, reset
  | 'CREATIO_TIMEOUT'          // no answer within the timeout
  | 'CREATIO_SERVER_ERROR'     // 5xx other than 503
  | 'CREATIO_UNAVAILABLE'      // 503 (may carry retryAfterMs)
  | 'CREATIO_RATE_LIMITED'     // 429 (may carry retryAfterMs)
  | 'CREATIO_BAD_RESPONSE'     // a body cut off or not the JSON expected
  | 'CREATIO_AUTH_FAILED'      // wrong credentials: not retried
  | 'CREATIO_SESSION_EXPIRED'  // still expired after signing in again once
  | 'CREATIO_BAD_REQUEST'      // 4xx: our request is wrong, retrying will not help
  | 'CREATIO_NOT_FOUND'        // 404
  | 'CREATIO_DUPLICATE'        // the record with our id already exists (idempotent retry)
  | 'WEBHOOK_INVALID'
  | 'CONVERSATION_NOT_FOUND'
  | 'INTERNAL';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }

  /** Milliseconds the server asked us to wait (Retry-After), when it did. */
  get retryAfterMs(): number | undefined {
    const value = this.details.retryAfterMs;
    return typeof value === 'number' ? value : undefined;
  }
}

/** Turns anything thrown into an EngineError (unknown errors become INTERNAL, cause kept). */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('INTERNAL', message, {}, { cause: error });
}

const RETRYABLE: ReadonlySet<EngineErrorCode> = new Set([
  'CREATIO_UNREACHABLE', 'CREATIO_TIMEOUT', 'CREATIO_SERVER_ERROR', 'CREATIO_UNAVAILABLE',
  'CREATIO_RATE_LIMITED', 'CREATIO_BAD_RESPONSE', 'CREATIO_SESSION_EXPIRED',
]);

/** The one place that decides whether a failed Creatio call is worth trying again. */
export function isRetryable(error: EngineError): boolean {
  return RETRYABLE.has(error.code);
}
