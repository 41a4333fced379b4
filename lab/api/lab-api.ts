/**
 * The Lab API + UI (issue 5, docs/lab-api.md): one Express app that startLab() listens with. Every
 * request must name a loopback host; every /api request but the health check needs the per-launch
 * bearer token; no CORS; JSON bodies up to 1 MB, each checked with the contract's zod schema.
 */
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Lab } from '../lab.types';
import { ApiError, errorMiddleware } from './api-error';
import { conversationsRouter } from './conversations.routes';
import { creatioRouter } from './creatio.routes';
import { engineRouter } from './engine.routes';
import { eventsRouter } from './events.routes';
import { odataProxyRouter } from './odata-proxy.routes';
import { scenariosRouter } from './scenarios.routes';
import { authGuard, hostGuard, refusePreflight, requireJsonBody } from './security';
import { settingsRouter } from './settings.routes';
import { uiRouter } from './ui';
import { workspaceRouter } from './workspace.routes';

export interface LabApiOptions {
  lab: Lab;
  /** The per-launch token every /api request must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** Folder of the built UI to serve at `/` (absent: a placeholder page). */
  uiDir?: string;
  /** Shown by `GET /api/info` (default: package.json's version). */
  version?: string;
  /** Interval of the event stream's heartbeat comment (default 15 s; tests shorten it). */
  heartbeatMs?: number;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The Lab API + UI as an Express app; the caller listens (startLab). */
export function createLabApiApp(options: LabApiOptions): express.Express {
  const { lab } = options;
  if (!options.token) throw new Error('The Lab API needs a token');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(hostGuard);

  const api = express.Router();
  api.use(refusePreflight);
  api.use(authGuard(options.token, (req) => req.method === 'GET' && req.path === '/health'));
  api.use(requireJsonBody);
  api.use(express.json({ limit: '1mb', strict: false }));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(workspaceRouter(lab, options.version ?? packageVersion()));
  api.use(conversationsRouter(lab));
  api.use(settingsRouter(lab));
  api.use(engineRouter(lab));
  api.use(creatioRouter(lab));
  api.use(odataProxyRouter(lab));
  api.use(eventsRouter(lab, options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }));
  api.use(scenariosRouter(lab));
  api.use((req, _res, next) => next(new ApiError(404, 'NOT_FOUND', `No Lab API route ${req.method} ${req.baseUrl}${req.path} (docs/lab-api.md lists them)`)));
  app.use('/api', api);

  app.use(uiRouter(options.uiDir));
  app.use(errorMiddleware);
  return app;
}
