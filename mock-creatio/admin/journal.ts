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
 * What the journal keeps of a body until someone reads it: more than it shows, so that redaction
 * (done on read) sees a secret near the 16 K-character cut whole. A list answer of 100 activities is
 * ~165 KB: kept whole, 1,000 of them held ~165 MB that the collector had to walk on every full pass.
 * Text is kept as a copy of its first 32 K characters (twice what is shown). An answer written as bytes
 * (the list, spliced from the records' cached bytes) is kept as references to its first 48 KB of pieces
 * (at least 16 K characters in any script): copying them cost 48 KB off the heap per list, and that
 * rate of external memory had V8 run a full collection every second under the list load.
 */
const KEEP_CHARS = MAX_BODY * 2;
const KEEP_BYTES = 48 * 1024;

interface KeptBody {
  /** A text body, or its start. */
  text?: string;
  /** The start of a body written as bytes: the pieces themselves (the last one maybe cut). */
  bytes?: Buffer[];
  /** The whole body's size in bytes (UTF-8), when only its start is kept. */
  size?: number;
}

type BodyPiece = string | Buffer;

/** The body the journal keeps: see KEEP_CHARS and KEEP_BYTES. */
function keep(body: unknown): KeptBody | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' && body.length <= KEEP_CHARS) return { text: body };
  const pieces: readonly BodyPiece[] = typeof body === 'string' || Buffer.isBuffer(body) ? [body]
    : isPieces(body) ? body
    : [JSON.stringify(body)];
  let size = 0;
  if (pieces.every((piece) => typeof piece === 'string')) {
    let text = '';
    let chars = 0;
    for (const piece of pieces as readonly string[]) {
      if (text.length < KEEP_CHARS) text += piece;
      chars += piece.length;
      size += Buffer.byteLength(piece);
    }
    if (chars <= KEEP_CHARS) return { text };
    // a copy: a slice of a big string would keep all of it alive
    return { text: Buffer.from(text.slice(0, KEEP_CHARS), 'utf8').toString('utf8'), size };
  }
  const bytes: Buffer[] = [];
  let kept = 0;
  for (const piece of pieces) {
    const pieceBytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (kept < KEEP_BYTES) {
      const part = pieceBytes.length <= KEEP_BYTES - kept ? pieceBytes : pieceBytes.subarray(0, KEEP_BYTES - kept);
      bytes.push(part);
      kept += part.length;
    }
    size += pieceBytes.length;
  }
  return kept < size ? { bytes, size } : { bytes };
}

function isPieces(body: unknown): body is readonly BodyPiece[] {
  return Array.isArray(body) && body.every((piece) => typeof piece === 'string' || Buffer.isBuffer(piece));
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
export function journalBody(res: Response, body: string | readonly BodyPiece[]): void {
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
  // a character the 48 KB cut splits decodes as U+FFFD, past the 16 K characters shown
  const text = body.text ?? Buffer.concat(body.bytes ?? []).toString('utf8');
  const redacted = redactBodyText(text, contentType);
  if (body.size === undefined && redacted.length <= MAX_BODY) return redacted;
  return `${redacted.slice(0, MAX_BODY)}… (${body.size ?? Buffer.byteLength(text)} bytes)`;
}
