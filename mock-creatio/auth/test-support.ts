import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SiteSettings } from '../site-settings';
import { type SiteAuth, createSiteAuth } from './site-auth';
import type { RandomBytes } from './secrets';

/**
 * Test harness (used by the auth tests only): the auth router plus a dummy protected OData route on a real
 * HTTP server at 127.0.0.1, port 0, with a settable clock and settings.
 */
export interface AuthTestSite {
  baseUrl: string;
  auth: SiteAuth;
  clock: { now: number };
  settings: { current: SiteSettings };
  close(): Promise<void>;
}

export async function startAuthTestSite(
  input: Partial<SiteSettings> = {},
  randomBytes?: RandomBytes,
): Promise<AuthTestSite> {
  const settings = { current: SiteSettings.parse(input) };
  const clock = { now: Date.UTC(2026, 10, 24, 12, 0, 0) };
  const auth = createSiteAuth({ settings: () => settings.current, now: () => clock.now, randomBytes });
  const app = express();
  app.use(auth.router);
  app.get(['/0/odata/Case', '/odata/Case'], auth.requireAuth, (_req, res) => {
    res.json({ value: [], principal: res.locals.principal });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    auth,
    clock,
    settings,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Set-Cookie headers of a response as name → full header line. */
export function setCookies(response: Response): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) map.set(line.slice(0, line.indexOf('=')), line);
  return map;
}

/** The value part of a Set-Cookie line. */
export function cookieValue(line: string | undefined): string {
  if (!line) throw new Error('cookie not set');
  return line.slice(line.indexOf('=') + 1).split(';')[0] ?? '';
}

/** Logs in through AuthService.svc and returns the Cookie header and BPMCSRF value to replay. */
export async function loginAs(
  baseUrl: string,
  userName = 'Supervisor',
  password = 'Supervisor',
): Promise<{ cookie: string; csrf: string; response: Response }> {
  const response = await fetch(`${baseUrl}/ServiceModel/AuthService.svc/Login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ForceUseSession: 'true' },
    body: JSON.stringify({ UserName: userName, UserPassword: password }),
  });
  const cookies = setCookies(response);
  const cookie = [...cookies.values()].map((line) => line.split(';')[0]).join('; ');
  return { cookie, csrf: cookieValue(cookies.get('BPMCSRF')), response };
}

/** Fetches a token with client_secret_post. */
export async function requestToken(baseUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A JSON response body as a plain record (Response.json() is typed unknown). */
export async function readJson(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
