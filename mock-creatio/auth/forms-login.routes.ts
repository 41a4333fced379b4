import express from 'express';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { SiteSettings, SiteUser } from '../site-settings';
import type { CredentialStore } from './credential-store';
import {
  ALL_AUTH_COOKIES, AUTH_COOKIE, CSRF_COOKIE, LOADER_COOKIE, SESSION_ID_COOKIE, USER_NAME_COOKIE,
  clearCookie, encodeUserNameCookie, readCookies, setCookie,
} from './cookies';
import { LOGIN_PAGE_HTML, LOGIN_PAGE_PATH } from './login-page';
import { type RandomBytes, randomHex, randomToken, secretsEqual } from './secrets';

/** Both path forms are in the wild: /0/ on .NET Framework hosts, root on .NET Core (reference §2.1, §7). */
const LOGIN_PATHS = ['/ServiceModel/AuthService.svc/Login', '/0/ServiceModel/AuthService.svc/Login'];
const LOGOUT_PATHS = ['/ServiceModel/AuthService.svc/Logout', '/0/ServiceModel/AuthService.svc/Logout'];

/** Login body: extra fields (WorkspaceName, ProviderName, ClaimList...) are accepted and ignored. */
const LoginRequest = z.object({ UserName: z.string(), UserPassword: z.string() });

/** Message for wrong credentials; Creatio's exact wording is not documented (reference §2.1). */
export const LOGIN_FAILED_MESSAGE = 'Either username or password is incorrect.';

interface FormsLoginDeps {
  settings: () => SiteSettings;
  now: () => number;
  randomBytes: RandomBytes;
  store: CredentialStore;
}

/** AuthService.svc answer: Code 0 = success, anything else = failure with Message (reference §2.1). */
function authServiceBody(code: number, message: string) {
  return { Code: code, Message: message, Exception: null, PasswordChangeUrl: null, RedirectUrl: null };
}

/** Finds the user (user names are case-insensitive, as in Creatio) and checks the password in constant time. */
function authenticate(users: SiteUser[], userName: string, password: string): SiteUser | undefined {
  const user = users.find((u) => u.userName.toLowerCase() === userName.toLowerCase());
  // Compare even for an unknown user so the answer time does not tell which user names exist.
  const passwordOk = secretsEqual(user?.password ?? '\u0000no-such-user', password);
  return user && passwordOk ? user : undefined;
}

/** Reads the login body whether it came as raw text (our parser) or was already parsed by the host app. */
function parseLoginBody(body: unknown): { ok: true; value: z.infer<typeof LoginRequest> } | { ok: false; why: string } {
  let value: unknown = body;
  if (typeof body === 'string') {
    if (body.trim() === '') return { ok: false, why: 'the request body is empty' };
    try {
      value = JSON.parse(body);
    } catch {
      return { ok: false, why: 'the request body is not valid JSON' };
    }
  }
  const parsed = LoginRequest.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const where = parsed.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
  return { ok: false, why: `expected {"UserName":string,"UserPassword":string}; problem at ${where}` };
}

function login(deps: FormsLoginDeps, req: Request, res: Response): void {
  const body = parseLoginBody(req.body);
  if (!body.ok) {
    // Decision (documented): a malformed request is a 400 carrying the AuthService body shape, Code 1.
    res.status(400).json(authServiceBody(1, `Malformed login request: ${body.why}.`));
    return;
  }
  const user = authenticate(deps.settings().users, body.value.UserName, body.value.UserPassword);
  if (!user) {
    // Wrong credentials: HTTP 200 and Code != 0, no cookies (reference §2.1).
    res.status(200).json(authServiceBody(1, LOGIN_FAILED_MESSAGE));
    return;
  }
  const ticket = randomHex(deps.randomBytes, 32);
  const csrf = randomToken(deps.randomBytes, 16);
  const lifetimeMs = deps.settings().sessionLifetimeSeconds * 1000;
  deps.store.openSession(ticket, { userName: user.userName, csrf, expiresAt: deps.now() + lifetimeMs });
  // Cookie set and flags as in Creatio's docs (reference §2.1); BPMCSRF is readable by scripts on purpose.
  setCookie(res, AUTH_COOKIE, ticket, { httpOnly: true });
  setCookie(res, CSRF_COOKIE, csrf, { httpOnly: false });
  setCookie(res, LOADER_COOKIE, randomToken(deps.randomBytes, 16), { httpOnly: true });
  setCookie(res, USER_NAME_COOKIE, encodeUserNameCookie(user.userName), { httpOnly: true });
  setCookie(res, SESSION_ID_COOKIE, randomToken(deps.randomBytes, 18), { httpOnly: true });
  res.status(200).json(authServiceBody(0, ''));
}

/** Ends the session named by the .ASPXAUTH cookie (if any) and clears the auth cookies; always 200. */
function logout(deps: FormsLoginDeps, req: Request, res: Response): void {
  const ticket = readCookies(req).get(AUTH_COOKIE);
  if (ticket) deps.store.closeSession(ticket);
  for (const name of ALL_AUTH_COOKIES) clearCookie(res, name);
  res.status(200).end();
}

/** Routes of forms auth: Login, Logout and the NuiLogin page. */
export function createFormsLoginRouter(deps: FormsLoginDeps): Router {
  const router = express.Router();
  // Read any content type as text and parse it ourselves, so a bad body gets our clear answer.
  const rawBody = express.text({ type: () => true, limit: '64kb' });
  router.post(LOGIN_PATHS, rawBody, (req, res) => login(deps, req, res));
  router.post(LOGOUT_PATHS, (req, res) => logout(deps, req, res));
  router.get([LOGIN_PAGE_PATH, `/0${LOGIN_PAGE_PATH}`], (_req, res) => {
    res.status(200).type('html').send(LOGIN_PAGE_HTML);
  });
  return router;
}
