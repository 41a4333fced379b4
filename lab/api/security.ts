/**
 * The Lab API's guards (issue 5): loopback Host only (DNS-rebinding defence), the per-launch
 * bearer token compared in constant time, no CORS at all, JSON bodies only.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, sendError } from './api-error';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The hostname of a Host header (`127.0.0.1:5173` → `127.0.0.1`, `[::1]:80` → `[::1]`), lower-cased. */
export function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/**
 * A page on evil.example whose name later resolves to 127.0.0.1 sends `Host: evil.example`:
 * only loopback names are served, so such a page can reach neither the API nor the UI.
 */
export function hostGuard(req: Request, res: Response, next: NextFunction): void {
  const host = req.headers.host;
  if (host && LOOPBACK_HOSTS.has(hostnameOf(host))) return next();
  sendError(res, new ApiError(403, 'HOST_NOT_ALLOWED',
    `The lab serves only loopback host names (127.0.0.1, localhost, [::1]); this request's Host header is ${host ? JSON.stringify(host.slice(0, 100)) : 'missing'}`));
}

/** Constant-time comparison of two strings (lengths differ: still compares, then fails). */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Every /api route but the open ones needs `Authorization: Bearer <token>`. */
export function authGuard(token: string, open: (req: Request) => boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (open(req)) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match && sameSecret(match[1] ?? '', token)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="case-sync-lab"');
    sendError(res, new ApiError(401, 'UNAUTHORIZED', header
      ? 'The bearer token is wrong (use the token the lab printed when it started)'
      : 'Missing "Authorization: Bearer <token>" (the token the lab printed when it started)'));
  };
}

/**
 * No CORS: no Access-Control-* header is ever sent, and a preflight is refused, so a page on
 * another origin can neither read an answer nor send a JSON request.
 */
export function refusePreflight(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'OPTIONS') return next();
  sendError(res, new ApiError(405, 'METHOD_NOT_ALLOWED', 'The Lab API does not answer OPTIONS: cross-origin requests are not allowed'));
}

/** A body in anything but JSON is a 415 (express.json would silently ignore it). */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.is('application/json')) return next();
  next(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `The body must be JSON (Content-Type: application/json), not ${req.headers['content-type'] ?? 'untyped'}`));
}
