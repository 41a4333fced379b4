import type { Request, Response } from 'express';

/** Cookie names Creatio's forms auth sets (reference/creatio-api.md §2.1). */
export const AUTH_COOKIE = '.ASPXAUTH';
export const CSRF_COOKIE = 'BPMCSRF';
export const LOADER_COOKIE = 'BPMLOADER';
export const USER_NAME_COOKIE = 'UserName';
export const SESSION_ID_COOKIE = 'BPMSESSIONID';

export const ALL_AUTH_COOKIES = [AUTH_COOKIE, CSRF_COOKIE, LOADER_COOKIE, USER_NAME_COOKIE, SESSION_ID_COOKIE];

/** Parses the Cookie request header (no cookie-parser dependency); the first value of a name wins. */
export function readCookies(req: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  const header = req.headers.cookie;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Appends one Set-Cookie header: `name=value; path=/` plus `HttpOnly` unless scripts must read it. */
export function setCookie(res: Response, name: string, value: string, options: { httpOnly: boolean }): void {
  res.append('Set-Cookie', `${name}=${value}; path=/${options.httpOnly ? '; HttpOnly' : ''}`);
}

/** Tells the client to drop a cookie (empty value, expired). */
export function clearCookie(res: Response, name: string): void {
  res.append('Set-Cookie', `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`);
}

/** The UserName cookie value: character codes joined by `|` ("Supervisor" → "83|117|112|..."), §2.1. */
export function encodeUserNameCookie(userName: string): string {
  return Array.from(userName, (ch) => String(ch.codePointAt(0))).join('|');
}
