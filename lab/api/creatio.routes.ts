/**
 * The simulated site's processes, process log, faults, sessions and journal: forwarded to its admin
 * API (docs/admin-api.md) over HTTP. Bodies are checked against the contract first (a 400 naming
 * each field), then the site's status and body are passed through unchanged.
 */
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { FaultsBody, FireProcessBody, JournalQuery, ProcessBody, ProcessDefinition, ProcessLogQuery, ProcessPreviewBody } from '../../contract';
import type { Lab } from '../lab.types';
import { parseBody, parseQuery } from './api-error';
import { callSiteAdmin } from './site-admin';

interface Forward {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Lab API path (under /api). */
  path: string;
  /** Admin API path (under /__lab); `:id` is filled from the request. */
  target: string;
  body?: z.ZodType;
  query?: z.ZodType;
}

const FORWARDS: Forward[] = [
  { method: 'get', path: '/processes', target: '/processes' },
  { method: 'post', path: '/processes', target: '/processes', body: ProcessBody },
  { method: 'get', path: '/processes/:id', target: '/processes/:id' },
  { method: 'put', path: '/processes/:id', target: '/processes/:id', body: ProcessDefinition },
  { method: 'delete', path: '/processes/:id', target: '/processes/:id' },
  { method: 'post', path: '/processes/:id/fire', target: '/processes/:id/fire', body: FireProcessBody },
  { method: 'post', path: '/processes/preview', target: '/processes/preview', body: ProcessPreviewBody },
  { method: 'post', path: '/processes/:id/enable', target: '/processes/:id/enable' },
  { method: 'post', path: '/processes/:id/disable', target: '/processes/:id/disable' },
  { method: 'get', path: '/process-log', target: '/process-log', query: ProcessLogQuery },
  { method: 'delete', path: '/process-log', target: '/process-log' },
  { method: 'get', path: '/faults', target: '/faults' },
  { method: 'put', path: '/faults', target: '/faults', body: FaultsBody },
  { method: 'delete', path: '/faults', target: '/faults' },
  { method: 'post', path: '/creatio/expire-sessions', target: '/auth/expire-sessions' },
  { method: 'post', path: '/creatio/revoke-tokens', target: '/auth/revoke-tokens' },
  { method: 'get', path: '/creatio/journal', target: '/journal', query: JournalQuery },
  { method: 'delete', path: '/creatio/journal', target: '/journal' },
];

function targetPath(forward: Forward, req: Request): string {
  const path = forward.target.replace(':id', encodeURIComponent(String(req.params.id ?? '')));
  if (!forward.query) return path;
  parseQuery(forward.query, req.query);
  // The raw query string goes on as it came: the site parses it with its own schema.
  const raw = req.originalUrl.indexOf('?');
  return raw === -1 ? path : `${path}${req.originalUrl.slice(raw)}`;
}

export function creatioRouter(lab: Lab): Router {
  const router = Router();
  for (const forward of FORWARDS) {
    router[forward.method](forward.path, async (req: Request, res: Response) => {
      // The site's own schema applies defaults; the contract only checks, the raw body goes on.
      if (forward.body) parseBody(forward.body, req.body);
      const path = targetPath(forward, req);
      const answer = await callSiteAdmin(lab, {
        method: forward.method.toUpperCase(), path, ...(forward.body ? { body: req.body ?? {} } : {}),
      });
      if (answer.body === undefined) return void res.status(answer.status).end();
      if (typeof answer.body === 'string') return void res.status(answer.status).type(answer.contentType ?? 'text/plain').send(answer.body);
      res.status(answer.status).json(answer.body);
    });
  }
  return router;
}
