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
 * What the journal keeps of a body until someone reads it: twice what it shows, so that redaction
 * (done on read) sees a secret near the cut whole. A list answer of 100 activities is ~165 KB: kept
 * whole, 1,000 of them held ~165 MB that the collector had to walk on every full pass.
 */
const KEEP_CHARS = MAX_BODY * 2;

interface KeptBody {
  text: string;
  /** The whole body's length in characters (bytes for a Buffer). */
  length: number;
}

/** The body as text, cut to KEEP_CHARS as a copy (a slice of a big string would keep all of it alive). */
function keep(body: unknown): KeptBody | undefined {
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body)) return { text: body.toString('utf8', 0, KEEP_CHARS), length: body.length };
  let text = '';
  let length = 0;
  if (Array.isArray(body) && body.every((piece) => typeof piece === 'string')) {
    // the pieces of one answer: only as many as the journal keeps are joined
    for (const piece of body as string[]) {
      if (text.length < KEEP_CHARS) text += piece;
      length += piece.length;
    }
  } else {
    text = typeof body === 'string' ? body : JSON.stringify(body);
    length = text.length;
  }
  return { text: text.length <= KEEP_CHARS ? text : Buffer.from(text.slice(0, KEEP_CHARS), 'utf8').toString('utf8'), length };
}

/** Where a response being journaled keeps its start times and the body it sent. */
const PENDING = Symbol('journal.pending');
type Tracked = Response & { [PENDING]?: { started: number; t0: number; body: unknown } };

/** Response#send that remembers the body for the journal, then sends as Express would. */
function keepBody(this: Tracked, body?: unknown): Response {
  const pending = this[PENDING];
  if (pending) pending.body = body;
  return (Object.getPrototypeOf(this) as Response).send.call(this, body);
}

/** For a response written without `res.send` (the OData hot path ends it directly): the body the journal shows, maybe in pieces. */
export function journalBody(res: Response, body: string | readonly string[]): void {
  const pending = (res as Tracked)[PENDING];
  if (pending) pending.body = body;
}

/**
 * The request journal: a bounded ring of the most recent requests (an unbounded journal is how
 * WireMock ran out of memory, peers.md §2 #6). Bodies are stored as they went over the wire,
 * redacted and cut at 16 KB, only when someone reads them (the raw text is kept until then).
 */
export function createJournal(options: { capacity: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  type Raw = Omit<JournalEntry, 'startedOn' | 'requestHeaders' | 'requestBody' | 'responseHeaders' | 'responseBody'> & {
    started: number;
    reqHeaders: Request['headers'];
    reqBody: KeptBody | undefined;
    resHeaders: ReturnType<Response['getHeaders']>;
    resBody: KeptBody | undefined;
  };
  let ring: Raw[] = [];
  let nextId = 1;

  // Every request passes here, so the per-request work is one small object: the send hook and the
  // close listener are shared functions that find their request's state on the response.
  function middleware(req: Request, res: Response, next: NextFunction): void {
    (res as Tracked)[PENDING] = { started: now(), t0: performance.now(), body: undefined };
    res.send = keepBody;
    // 'close' rather than 'finish': a request whose connection a fault dropped is journaled too.
    res.on('close', record);
    next();
  }

  function record(this: Response): void {
    const pending = (this as Tracked)[PENDING];
    const req = this.req;
    if (!pending) return;
    ring.push({
      id: nextId++, started: pending.started, method: req.method, url: req.originalUrl,
      status: this.statusCode, durationMs: Math.round((performance.now() - pending.t0) * 1000) / 1000,
      reqHeaders: req.headers, reqBody: keep(this.locals.rawBody), resHeaders: this.getHeaders(), resBody: keep(pending.body),
      ...(this.locals.fault ? { fault: String(this.locals.fault) } : {}),
    });
    if (ring.length > options.capacity * 1.25) ring = ring.slice(ring.length - options.capacity);
  }

  function render(raw: Raw): JournalEntry {
    const { id, started, reqHeaders, reqBody, resHeaders, resBody, ...rest } = raw;
    return {
      id,
      startedOn: new Date(started).toISOString(),
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

function bodyText(body: KeptBody | undefined, contentType: string): string {
  if (!body) return '';
  const redacted = redactBodyText(body.text, contentType);
  if (body.text.length === body.length && redacted.length <= MAX_BODY) return redacted;
  return `${redacted.slice(0, MAX_BODY)}… (${body.length} characters)`;
}
