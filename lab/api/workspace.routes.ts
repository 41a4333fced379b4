/** Workspace reset and snapshots; the lab's health and info. */
import { Router } from 'express';
import { SaveSnapshotBody, SnapshotName } from '../../contract';
import type { Lab } from '../lab.types';
import { ApiError, badRequest, parseBody, toProblems } from './api-error';
import { maskWebhookUrl } from './settings-secrets';

export function workspaceRouter(lab: Lab, version: string): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/info', (_req, res) => {
    res.json({
      version, mode: lab.mode(), workspace: lab.workspace,
      urls: { ...lab.urls, webhook: maskWebhookUrl(lab.webhookUrl()) },
    });
  });

  router.post('/workspace/reset', async (_req, res) => {
    await lab.reset();
    res.json({ ok: true });
  });

  router.get('/workspace/snapshots', async (_req, res) => {
    res.json({ snapshots: await lab.listSnapshots() });
  });

  router.post('/workspace/snapshots', async (req, res) => {
    const { name } = parseBody(SaveSnapshotBody, req.body);
    res.status(201).json(await lab.saveSnapshot(name));
  });

  router.post('/workspace/snapshots/:name/restore', async (req, res) => {
    const checked = SnapshotName.safeParse(req.params.name);
    if (!checked.success) throw badRequest(toProblems(checked.error, 'name'), 'The snapshot name');
    const known = await lab.listSnapshots();
    if (!known.some((s) => s.name === checked.data)) {
      throw new ApiError(404, 'NOT_FOUND', `No snapshot named ${JSON.stringify(checked.data)} (GET /api/workspace/snapshots lists them)`);
    }
    await lab.restoreSnapshot(checked.data);
    res.json({ ok: true });
  });

  return router;
}
