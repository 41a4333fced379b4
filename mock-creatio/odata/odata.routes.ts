import express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { ODataHttpError } from './odata-error';
import { runJsonBatch } from './batch';
import { runMultipartBatch } from './batch-multipart';
import { journalBody } from '../admin/journal';
import { type ODataResponse, type ODataService, responseJsonPieces } from './odata-service';

/** Request bodies above this size get 413 (Creatio's IIS default request limit is about 28 MB). */
const MAX_BODY = '28mb';

/** The two service roots (reference/creatio-api.md §1.1): .NET Framework hosts and .NET Core hosts. */
const ROOTS = ['/0/odata', '/odata'] as const;

/**
 * The OData 4 endpoint at `/0/odata` and `/odata`, as one middleware rather than a mounted Router:
 * it is the hot path, and a nested Express router costs a third of a GET by key. Every request must
 * be authenticated (`requireAuth`), then goes to the one OData service; errors go to `next`.
 */
export function createODataHandler(options: { service: ODataService; requireAuth: RequestHandler }): RequestHandler {
  const readText = express.text({ type: () => true, limit: MAX_BODY, defaultCharset: 'utf-8' });
  const answer = (req: Request, res: Response, root: string, next: (err?: unknown) => void) => {
    handle(options.service, req, res, root).catch(next);
  };
  return (req, res, next) => {
    const root = rootOf(req.path);
    if (!root) return next();
    options.requireAuth(req, res, (authError?: unknown) => {
      if (authError) return next(authError);
      // GET and DELETE carry no body: skip the body reader on the hot read path.
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return answer(req, res, root, next);
      readText(req, res, (bodyError?: unknown) => (bodyError ? next(bodyError) : answer(req, res, root, next)));
    });
  };
}

/** The service root a path is under, if any (no allocation: every request passes here). */
function rootOf(path: string): string | undefined {
  for (const root of ROOTS) {
    if (path.startsWith(root) && (path.length === root.length || path.charCodeAt(root.length) === 0x2f)) return root;
  }
  return undefined;
}

async function handle(service: ODataService, req: Request, res: Response, root: string): Promise<void> {
  const body = typeof req.body === 'string' && req.body.length > 0 ? req.body : undefined;
  res.locals.rawBody = body;
  const serviceRoot = `${req.protocol}://${req.get('host')}${root}`;
  const userContactId = String(res.locals.principal?.contactId ?? '');
  const queryAt = req.originalUrl.indexOf('?');
  const query = new URLSearchParams(queryAt < 0 ? '' : req.originalUrl.slice(queryAt + 1));
  const path = req.path.slice(root.length).replace(/^\//, '');
  if (path === '$batch' && req.method === 'POST') {
    const contentType = req.get('content-type') ?? '';
    const prefer = req.get('prefer');
    writeResponse(res, batchForm(contentType) === 'json'
      ? await runJsonBatch(service, { userContactId, serviceRoot, body, prefer })
      : await runMultipartBatch(service, { userContactId, serviceRoot, body, contentType, prefer }));
    return;
  }
  writeResponse(res, await service.handle({
    method: req.method, path, query, body, contentType: req.get('content-type'), userContactId, serviceRoot,
  }));
}

/** `$batch` comes as JSON or as multipart/mixed (reference/creatio-api.md §1.7); anything else is 415. */
function batchForm(contentType: string): 'json' | 'multipart' {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'multipart/mixed') return 'multipart';
  throw new ODataHttpError(415, `The request entity's media type '${type || '(none)'}' is not supported for $batch. Send Content-Type: application/json or multipart/mixed.`);
}

/** Writes an OData answer as-is: JSON serialised once (a big one in pieces), text untouched, 204 without a body. */
export function writeResponse(res: Response, response: ODataResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  const pieces = responseJsonPieces(response);
  if (pieces !== undefined) {
    // The hot path, straight to Node's response: its Content-Type is already complete, and Express's
    // send would turn a body over 1 KB into a Buffer (headers and body then go out as two chunks).
    if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', pieces.reduce((bytes, piece) => bytes + (typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length), 0));
    journalBody(res, pieces);
    if (res.req.method === 'HEAD') res.end();
    else {
      for (let i = 0; i < pieces.length - 1; i += 1) res.write(pieces[i]);
      res.end(pieces[pieces.length - 1]);
    }
  }
  // A Buffer keeps Express from appending `; charset=utf-8` to a Content-Type we set, such as the
  // multipart/mixed batch answer's `boundary=` header (every text answer names its charset itself).
  else if (response.text !== undefined) res.send(response.headers['Content-Type'] ? Buffer.from(response.text, 'utf8') : response.text);
  else res.end();
}

/**
 * Error middleware: writes Creatio's error body for ODataHttpError and for body-parser failures;
 * anything unexpected becomes Creatio's 500 "An error has occurred." and is reported on stderr.
 */
export function odataErrorHandler(error: unknown, _req: Request, res: Response, next: (err?: unknown) => void): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  let odata: ODataHttpError;
  if (error instanceof ODataHttpError) {
    odata = error;
  } else if (isHttpError(error)) {
    const message = error.status === 413 ? 'The request body is too large.' : error.message;
    odata = new ODataHttpError(error.status, message);
  } else {
    console.error('[mock-creatio] unexpected error:', error);
    odata = new ODataHttpError(500, 'An error has occurred.', { message: error instanceof Error ? error.message : String(error), type: 'System.Exception' });
  }
  res.status(odata.status);
  for (const [name, value] of Object.entries(odata.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(JSON.stringify(odata.toBody()));
}

function isHttpError(error: unknown): error is { status: number; message: string } {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    && (error as { status: number }).status >= 400 && (error as { status: number }).status < 500;
}
