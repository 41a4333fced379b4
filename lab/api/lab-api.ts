/**
 * NOT BUILT YET (stub, replaced in issue 5 by the Lab API): answers every request 501 so that
 * startLab() has an app to serve while the API is being written.
 */
import express from 'express';
import type { Lab } from '../lab.types';

export interface LabApiOptions {
  lab: Lab;
  /** The per-launch token every /api request must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** Folder of the built UI to serve at `/` (absent: a placeholder page). */
  uiDir?: string;
}

/** The Lab API + UI as an Express app; the caller listens (startLab). */
export function createLabApiApp(options: LabApiOptions): express.Express {
  void options;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res) => {
    res.status(501).json({ error: { code: 'NOT_BUILT_YET', message: 'The Lab API is not built yet' } });
  });
  return app;
}
