import type { NextFunction, Request, Response } from 'express';
import { redactBodyText, redactHeaders, redactUrl } from './redact';

/** One request and its response, secrets redacted. */
export interface JournalEntry {
  id: number;
  startedOn: string;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  requestHeaders: Record<string, string>;
  requestBody: string;
  responseHeaders: Record<string, string>;
  responseBody: string;
  /** The fault injected into this request, if any ('down', 'error 500', 'cut off'). */
  fault?: string;
}

const MAX_BODY = 16 * 1024;

/**
 * The request journal: a bounded ring of the most recent requests (an unbounded journal is how
 * WireMock ran out of memory, peers.md §2 #6). Bodies are stored as they went over the wire,
 * redacted and cut at 16 KB, only when someone reads them (the raw text is kept until then).
 */
export function createJournal(options: { capacity: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  type Raw = Omit<JournalEntry, 'requestHeaders' | 'requestBody' | 'responseHeaders' | 'responseBody'> & {
    reqHeaders: Request['headers'];
    reqBody: unknown;
    resHeaders: ReturnType<Response['getHeaders']>;
    resBody: unknown;
  };
  let ring: Raw[] = [];
  let nextId = 1;

  function middleware(req: Request, res: Response, next: NextFunction): void {
    const started = now();
    const t0 = performance.now();
    let resBody: unknown;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      resBody = body;
      return send(body);
    };
    // 'close' rather than 'finish': a request whose connection a fault dropped is journaled too.
    res.on('close', () => {
      ring.push({
        id: nextId++, startedOn: new Date(started).toISOString(), method: req.method, url: req.originalUrl,
        status: res.statusCode, durationMs: Math.round((performance.now() - t0) * 1000) / 1000,
        reqHeaders: req.headers, reqBody: res.locals.rawBody, resHeaders: res.getHeaders(), resBody,
        ...(res.locals.fault ? { fault: String(res.locals.fault) } : {}),
      });
      if (ring.length > options.capacity * 1.25) ring = ring.slice(ring.length - options.capacity);
    });
    next();
  }

  function render(raw: Raw): JournalEntry {
    const { reqHeaders, reqBody, resHeaders, resBody, ...rest } = raw;
    return {
      ...rest,
      url: redactUrl(rest.url),
      requestHeaders: redactHeaders(reqHeaders),
      requestBody: bodyText(reqBody, String(reqHeaders['content-type'] ?? '')),
      responseHeaders: redactHeaders(resHeaders as Record<string, string | string[] | number | undefined>),
      responseBody: bodyText(resBody, String(resHeaders['content-type'] ?? '')),
    };
  }

  return {
    middleware,
    /** Most recent first, filtered by method, path substring and status. */
    list(filter: { limit?: number; method?: string; path?: string; status?: number } = {}): JournalEntry[] {
      const out: JournalEntry[] = [];
      const limit = Math.min(filter.limit ?? 100, options.capacity);
      for (let i = ring.length - 1; i >= 0 && out.length < limit; i--) {
        const raw = ring[i]!;
        if (ring.length - i > options.capacity) break;
        if (filter.method && raw.method !== filter.method.toUpperCase()) continue;
        if (filter.path && !raw.url.includes(filter.path)) continue;
        if (filter.status !== undefined && raw.status !== filter.status) continue;
        out.push(render(raw));
      }
      return out;
    },
    clear(): void {
      ring = [];
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

function bodyText(body: unknown, contentType: string): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  const redacted = redactBodyText(text, contentType);
  return redacted.length > MAX_BODY ? `${redacted.slice(0, MAX_BODY)}… (${redacted.length} characters)` : redacted;
}
