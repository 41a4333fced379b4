import { secretKey } from './secrets';

/** A forms-auth session, created by AuthService.svc/Login (reference/creatio-api.md §2.1). */
export interface Session {
  userName: string;
  /** Value of the BPMCSRF cookie; every request of the session must echo it in a BPMCSRF header. */
  csrf: string;
  /** Epoch ms; sliding: pushed forward on each authenticated request. */
  expiresAt: number;
}

/** A bearer token issued by the simulated Identity Service (reference §2.2). */
export interface IssuedToken {
  userName: string;
  clientId: string;
  /** Epoch ms; fixed at issue (tokens do not slide). */
  expiresAt: number;
}

/**
 * In-memory registry of live sessions and tokens. Keys are digests of the secrets, so the raw cookie or
 * token never sits in a map key (and a heap dump or debug print does not show it). Expired entries are
 * dropped lazily (on lookup and whenever a new one is added): no timers keep the process alive.
 */
export function createCredentialStore(now: () => number) {
  const sessions = new Map<string, Session>();
  const tokens = new Map<string, IssuedToken>();

  function sweep(): void {
    const t = now();
    for (const [key, s] of sessions) if (s.expiresAt <= t) sessions.delete(key);
    for (const [key, k] of tokens) if (k.expiresAt <= t) tokens.delete(key);
  }

  function live<T extends { expiresAt: number }>(map: Map<string, T>, secret: string): T | undefined {
    const key = secretKey(secret);
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    openSession(ticket: string, session: Session): void {
      sweep();
      sessions.set(secretKey(ticket), session);
    },
    /** The live session for an `.ASPXAUTH` ticket, or undefined (unknown or expired). */
    findSession(ticket: string): Session | undefined {
      return live(sessions, ticket);
    },
    closeSession(ticket: string): boolean {
      return sessions.delete(secretKey(ticket));
    },
    issueToken(token: string, issued: IssuedToken): void {
      sweep();
      tokens.set(secretKey(token), issued);
    },
    /** The live token, or undefined (unknown, revoked or expired). */
    findToken(token: string): IssuedToken | undefined {
      return live(tokens, token);
    },
    expireAllSessions(): void {
      sessions.clear();
    },
    revokeAllTokens(): void {
      tokens.clear();
    },
    activeSessions(): number {
      sweep();
      return sessions.size;
    },
  };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
