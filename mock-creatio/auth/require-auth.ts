import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SiteSettings, SiteUser } from '../site-settings';
import { AUTH_COOKIE, readCookies } from './cookies';
import type { CredentialStore } from './credential-store';
import { LOGIN_PAGE_HTML, loginRedirectUrl } from './login-page';
import { secretsEqual } from './secrets';

/** Who made an authenticated request; routes read it from `res.locals.principal`. */
export interface Principal {
  userName: string;
  /** The user's Contact Id (what Creatio writes into CreatedById / ModifiedById). */
  contactId: string;
  /** 'session' = forms auth cookies + BPMCSRF; 'token' = OAuth bearer token. */
  kind: 'session' | 'token';
}

/**
 * Body Creatio's ServiceModel layer sends with a 401 (reference/creatio-api.md §2.1, captured by clio).
 * The simulator also uses it for its 403 answers, whose real body is not documented.
 */
export const AUTH_FAILED_BODY = {
  Message: 'Authentication failed.',
  StackTrace: null,
  ExceptionType: 'System.InvalidOperationException',
} as const;

interface RequireAuthDeps {
  settings: () => SiteSettings;
  now: () => number;
  store: CredentialStore;
}

function findUser(settings: SiteSettings, userName: string): SiteUser | undefined {
  return settings.users.find((u) => u.userName.toLowerCase() === userName.toLowerCase());
}

/**
 * Answers a request that has no live session or token, in the shape the site is configured for: real
 * deployments differ (reference §2.1, Summary #7, §7).
 */
function rejectUnauthenticated(settings: SiteSettings, req: Request, res: Response, bearerRejected: boolean): void {
  switch (settings.expiredSessionResponse) {
    case 'json401':
      // RFC 6750 §3.1: a rejected bearer token is named in WWW-Authenticate (Creatio's header is UNCONFIRMED).
      if (bearerRejected) res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      res.status(401).json(AUTH_FAILED_BODY);
      return;
    case 'forbidden403':
      res.status(403).json(AUTH_FAILED_BODY);
      return;
    case 'loginPage':
      if (settings.loginPageMode === 'redirect302') {
        res.redirect(302, loginRedirectUrl(req.originalUrl));
      } else {
        res.status(200).type('html').send(LOGIN_PAGE_HTML);
      }
      return;
  }
}

/** Accepts a valid bearer token, or a live forms session whose BPMCSRF header matches (reference §2.1, §2.2). */
export function createRequireAuth(deps: RequireAuthDeps): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const settings = deps.settings();
    const authorization = req.headers.authorization;
    if (authorization && /^bearer\s/i.test(authorization)) {
      const token = authorization.slice(7).trim();
      const issued = token ? deps.store.findToken(token) : undefined;
      // Tokens do not slide: expiry stays where it was set at issue.
      const user = issued && findUser(settings, issued.userName);
      if (!user) {
        rejectUnauthenticated(settings, req, res, true);
        return;
      }
      res.locals.principal = { userName: user.userName, contactId: user.contactId, kind: 'token' } satisfies Principal;
      next();
      return;
    }

    const ticket = readCookies(req).get(AUTH_COOKIE);
    const session = ticket ? deps.store.findSession(ticket) : undefined;
    const user = session && findUser(settings, session.userName);
    if (!ticket || !session || !user) {
      rejectUnauthenticated(settings, req, res, false);
      return;
    }
    // Since Creatio 7.10 a cookie session must echo BPMCSRF in a header; a missing or wrong one is a 403 (§2.1).
    const csrf = req.get('BPMCSRF');
    if (!csrf || !secretsEqual(csrf, session.csrf)) {
      res.status(403).json(AUTH_FAILED_BODY);
      return;
    }
    // Sliding expiry: each authenticated request renews the session (§2.1 "sliding renewal").
    session.expiresAt = deps.now() + settings.sessionLifetimeSeconds * 1000;
    res.locals.principal = { userName: user.userName, contactId: user.contactId, kind: 'session' } satisfies Principal;
    next();
  };
}
