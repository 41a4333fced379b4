import type { Reply } from './http-exchange';

/** Headers that authenticate one request, and which sign-in they came from. */
export interface Grant {
  headers: Record<string, string>;
  /** Increases with every sign-in: lets a stale 401 drop only the credential it was sent with. */
  generation: number;
}

/** How the client authenticates: OAuth bearer token or forms-login cookies (reference §2.1, §2.2). */
export interface SignIn {
  /** Current credentials, signing in first when there are none (one sign-in for all concurrent callers). */
  grant(): Promise<Grant>;
  /** Sees every answer sent with a grant (forms: cookies slide, reference §2.1). */
  observe(reply: Reply, generation: number): void;
  /** Drops the credential of that generation (session expired); the next grant() signs in again. */
  invalidate(generation: number): void;
  /** Secret values held now (token, cookies, password...), so error text can be scrubbed of them. */
  secrets(): string[];
}

/**
 * Single-flight: while one sign-in is under way, every caller waits for that one. The shared promise
 * is forgotten once settled, so a failed sign-in is tried afresh by the next caller.
 */
export function singleFlight<T>(work: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = work().finally(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}
