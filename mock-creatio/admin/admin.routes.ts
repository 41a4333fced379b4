import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { DataStore } from '../store/store.types';
import { StoreError } from '../store/store.types';
import type { Faults } from '../faults/faults';
import { FaultInput } from '../faults/faults';
import type { Journal } from './journal';
import { redactJson } from './redact';

/** Errors of the admin API: `{"error":{"code":"...","message":"..."}}` (the lab's shape, not Creatio's). */
export class AdminError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface AdminDeps {
  store: DataStore;
  journal: Journal;
  auth: { expireAllSessions(): void; revokeAllTokens(): void; activeSessions(): number };
  settings: { read(): unknown; update(patch: Record<string, unknown>): Promise<unknown> };
  entityNames: () => readonly string[];
  faults: Faults;
}

const SnapshotBody = z.object({ name: z.string() });
const JournalQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.coerce.number().int().optional(),
});

/**
 * The simulator's admin API under `/__lab/` (a prefix no Creatio path uses): health, reset,
 * snapshots, the request journal, session expiry, and site settings. Secrets are redacted.
 */
export function createAdminRouter(deps: AdminDeps): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    const records = Object.fromEntries(deps.entityNames().map((name) => [name, deps.store.table(name)?.size ?? 0]));
    res.json({ status: 'ok', activeSessions: deps.auth.activeSessions(), records });
  });
  router.post('/reset', async (_req, res) => {
    await deps.store.reset();
    res.json({ status: 'reset' });
  });
  router.get('/snapshots', async (_req, res) => {
    res.json({ snapshots: await deps.store.listSnapshots() });
  });
  router.post('/snapshots', async (req, res) => {
    const { name } = parse(SnapshotBody, req.body, 'body');
    res.status(201).json(await deps.store.saveSnapshot(name));
  });
  router.post('/snapshots/:name/restore', async (req, res) => {
    await deps.store.restoreSnapshot(String(req.params.name));
    res.json({ status: 'restored', name: req.params.name });
  });
  router.get('/journal', (req, res) => {
    res.json({ entries: deps.journal.list(parse(JournalQuery, req.query, 'query')) });
  });
  router.delete('/journal', (_req, res) => {
    deps.journal.clear();
    res.status(204).end();
  });
  router.post('/auth/expire-sessions', (_req, res) => {
    deps.auth.expireAllSessions();
    res.json({ status: 'expired' });
  });
  router.post('/auth/revoke-tokens', (_req, res) => {
    deps.auth.revokeAllTokens();
    res.json({ status: 'revoked' });
  });
  router.get('/faults', (_req, res) => {
    res.json(deps.faults.get());
  });
  router.put('/faults', (req, res) => {
    deps.faults.set(parse(FaultInput, req.body ?? {}, 'body'));
    res.json(deps.faults.get());
  });
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.json(deps.faults.get());
  });
  router.get('/settings', (_req, res) => {
    res.json(redactJson(deps.settings.read()));
  });
  router.patch('/settings', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new AdminError(400, 'BAD_REQUEST', 'body: a JSON object with the settings to change was expected');
    }
    res.json(redactJson(await deps.settings.update(req.body as Record<string, unknown>)));
  });
  router.use((req: Request) => {
    throw new AdminError(404, 'NOT_FOUND', `No admin endpoint ${req.method} /__lab${req.path}`);
  });
  router.use(adminErrorHandler);
  return router;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AdminError(400, 'BAD_REQUEST', `${where}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

export function adminErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  let status = 500;
  let code = 'INTERNAL';
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof AdminError) ({ status, code } = error);
  else if (error instanceof StoreError) {
    code = error.code;
    status = code === 'NOT_FOUND' ? 404 : code === 'BAD_SNAPSHOT_NAME' ? 400 : 500;
  } else if (error instanceof z.ZodError) {
    status = 400;
    code = 'BAD_REQUEST';
    message = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  } else if (typeof (error as { status?: unknown })?.status === 'number') {
    status = (error as { status: number }).status;
    code = 'BAD_REQUEST';
  } else {
    console.error('[mock-creatio admin] unexpected error:', error);
  }
  res.status(status).json({ error: { code, message } });
}
