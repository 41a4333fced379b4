/**
 * The engine's webhook receiver over HTTP (issue 4): `POST /backend/creatio/webhook/<token>` on its
 * own port (the seed's URL shape, reference creatio-api.md §5 fact 14). This file only moves bytes:
 * it reads the raw body (at most 64 KB + 1 are kept, the rest is drained and counted) and hands the
 * token, Content-Type, size and body to `engine.handleWebhook`, which decides every status. Anything
 * else is the same 404 JSON as a wrong token, so the server tells a stranger nothing.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type SyncEngine, WEBHOOK_MAX_BYTES, WEBHOOK_NOT_FOUND } from '../engine';

export const WEBHOOK_PATH = '/backend/creatio/webhook';

export interface WebhookServerOptions {
  engine: Pick<SyncEngine, 'handleWebhook'>;
  /** 0 (default): a free port. */
  port?: number;
  host?: '127.0.0.1';
}

export interface WebhookServer {
  /** Base URL, e.g. http://127.0.0.1:4312 */
  url: string;
  /** The full webhook URL for a token (what a Creatio process is pointed at). */
  webhookUrl(token: string): string;
  close(): Promise<void>;
}

/** Reads the body: keeps the first limit + 1 bytes, drains and counts the rest. */
function readBody(req: Request, limit: number): Promise<{ text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (kept > limit) return;
      const part = chunk.subarray(0, limit + 1 - kept);
      chunks.push(part);
      kept += part.length;
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), bytes }));
    req.on('error', reject);
  });
}

/** The request's headers as one string each (repeated ones joined), for the engine's webhook log. */
function headerRecord(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const host = options.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.post(`${WEBHOOK_PATH}/:token`, async (req, res, next) => {
    try {
      const { text, bytes } = await readBody(req, WEBHOOK_MAX_BYTES);
      const contentType = req.headers['content-type'];
      const reply = await options.engine.handleWebhook({
        token: req.params.token ?? '', body: text, contentLength: bytes, ...(contentType !== undefined ? { contentType } : {}),
        headers: headerRecord(req),
      });
      res.status(reply.status).json(reply.body);
    } catch (error) {
      next(error);
    }
  });
  app.use((_req, res) => void res.status(404).json(WEBHOOK_NOT_FOUND.body));
  // A malformed path (bad %-encoding) is a 4xx from express: answered like any unknown URL.
  app.use((error: { status?: number; statusCode?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) res.status(404).json(WEBHOOK_NOT_FOUND.body);
    else res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error' } });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host);
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    webhookUrl: (token) => `${url}${WEBHOOK_PATH}/${encodeURIComponent(token)}`,
    close: () => (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })),
  };
}
