import express from 'express';
import type { RequestHandler, Router } from 'express';
import type { SiteSettings } from '../site-settings';
import { createCredentialStore } from './credential-store';
import { createFormsLoginRouter } from './forms-login.routes';
import { createOAuthRouter } from './oauth.routes';
import { createRequireAuth } from './require-auth';
import { type RandomBytes, defaultRandomBytes } from './secrets';

export type { Principal } from './require-auth';
export { AUTH_FAILED_BODY } from './require-auth';
export { LOGIN_FAILED_MESSAGE } from './forms-login.routes';

export interface SiteAuthOptions {
  /** Read on every request, so the lab can change users, clients and failure modes live. */
  settings: () => SiteSettings;
  /** Clock, epoch ms. */
  now: () => number;
  /** Random source for cookies and tokens; crypto.randomBytes by default. */
  randomBytes?: RandomBytes;
}

export interface SiteAuth {
  /** Login/Logout (root and /0/), NuiLogin page, token endpoint and discovery documents. */
  router: Router;
  /** Middleware for every data request: bearer token or forms session + BPMCSRF; sets res.locals.principal. */
  requireAuth: RequestHandler;
  /** Ends every forms session (fault injection "session expiry", admin API). */
  expireAllSessions(): void;
  /** Invalidates every bearer token issued so far. */
  revokeAllTokens(): void;
  /** Number of live (unexpired) forms sessions. */
  activeSessions(): number;
}

/** Authentication of the simulated Creatio site: forms auth and OAuth 2.0 client credentials (reference §2). */
export function createSiteAuth(options: SiteAuthOptions): SiteAuth {
  const store = createCredentialStore(options.now);
  const deps = {
    settings: options.settings,
    now: options.now,
    randomBytes: options.randomBytes ?? defaultRandomBytes,
    store,
  };
  const router = express.Router();
  router.use(createFormsLoginRouter(deps));
  router.use(createOAuthRouter(deps));
  return {
    router,
    requireAuth: createRequireAuth(deps),
    expireAllSessions: () => store.expireAllSessions(),
    revokeAllTokens: () => store.revokeAllTokens(),
    activeSessions: () => store.activeSessions(),
  };
}
