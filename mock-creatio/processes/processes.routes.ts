import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { AdminError, adminErrorHandler } from '../admin/admin.routes';
import type { DataStore } from '../store/store.types';
import type { ProcessEngine } from './process-engine';
import type { ProcessLog } from './process-log';
import type { ProcessRegistry } from './process-registry';
import { ProcessCheckError, ProcessNotFoundError, redactProcess } from './process-registry';
import { processTemplate } from './templates';

const FromTemplate = z.object({ template: z.enum(['agent-reply', 'case-closure']), url: z.string(), name: z.string().min(1).optional() });
const FireBody = z.object({ recordId: z.string().min(1) });
const LogQuery = z.object({
  processId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

export interface ProcessRoutesDeps {
  registry: ProcessRegistry;
  engine: ProcessEngine;
  log: ProcessLog;
  store: DataStore;
}

/**
 * Admin API for business processes, mounted at `/__lab` before the admin router (docs/admin-api.md):
 * `/processes` (list, create, read, replace, delete, enable, disable, fire) and `/process-log`.
 * Unknown paths fall through to the admin router.
 */
export function createProcessRoutes(deps: ProcessRoutesDeps): express.Router {
  const { registry } = deps;
  const router = express.Router();
  const json = express.json({ limit: '1mb' });
  const show = (process: Parameters<typeof redactProcess>[0]) => ({ ...redactProcess(process), warnings: registry.warnings(process) });

  router.get('/processes', (_req, res) => {
    res.json({ processes: registry.list().map(show) });
  });
  router.post('/processes', json, async (req, res) => {
    const fromTemplate = FromTemplate.safeParse(req.body);
    const input = fromTemplate.success
      ? (({ id: _id, ...rest }) => ({ ...rest, name: fromTemplate.data.name ?? rest.name }))(processTemplate(fromTemplate.data.template, fromTemplate.data.url))
      : req.body;
    const saved = await registry.create(input);
    res.status(201).json({ ...redactProcess(saved.process), warnings: saved.warnings });
  });
  router.get('/processes/:id', (req, res) => {
    res.json(show(registry.get(String(req.params.id))));
  });
  router.put('/processes/:id', json, async (req, res) => {
    const saved = await registry.replace(String(req.params.id), req.body);
    res.json({ ...redactProcess(saved.process), warnings: saved.warnings });
  });
  router.delete('/processes/:id', async (req, res) => {
    await registry.remove(String(req.params.id));
    res.status(204).end();
  });
  router.post('/processes/:id/enable', async (req, res) => {
    res.json(show(await registry.setActive(String(req.params.id), true)));
  });
  router.post('/processes/:id/disable', async (req, res) => {
    res.json(show(await registry.setActive(String(req.params.id), false)));
  });
  router.post('/processes/:id/fire', json, async (req, res) => {
    const process = registry.get(String(req.params.id));
    const body = FireBody.safeParse(req.body);
    if (!body.success) throw new AdminError(400, 'BAD_REQUEST', 'body.recordId: the Id of the record to run the process against is required');
    const record = deps.store.table(process.signal.entity)?.get(body.data.recordId.toLowerCase());
    if (!record) throw new AdminError(404, 'NOT_FOUND', `No ${process.signal.entity} record with Id '${body.data.recordId}'`);
    res.json(await deps.engine.fire(process, record));
  });
  router.get('/process-log', (req, res) => {
    const query = LogQuery.safeParse(req.query);
    if (!query.success) throw new AdminError(400, 'BAD_REQUEST', `query.${query.error.issues[0]?.path.join('.')}: ${query.error.issues[0]?.message}`);
    res.json({ entries: deps.log.list(query.data) });
  });
  router.delete('/process-log', (_req, res) => {
    deps.log.clear();
    res.status(204).end();
  });
  router.use(processErrorHandler);
  return router;
}

function processErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (error instanceof ProcessCheckError) {
    res.status(400).json({ error: { code: 'PROCESS_CHECK_FAILED', message: error.message, issues: error.issues }, warnings: error.warnings });
    return;
  }
  if (error instanceof ProcessNotFoundError) {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: error.message } });
    return;
  }
  adminErrorHandler(error, req, res, next);
}
