import express from 'express';
import { z } from 'zod';
import { AdminError, adminErrorHandler } from '../admin/admin.routes';
import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { DataStore } from '../store/store.types';
import { matchesFilter } from './filter-match';
import { resolveTemplate } from './parameters';
import type { Issue } from './process-checks';
import { checkProcess } from './process-checks';
import type { WebRequest } from './process-log';
import { BusinessProcessInput } from './process.schema';
import { redactRequest } from './web-service-call';

/**
 * LAB EXTRA, not a Creatio feature: `POST /__lab/processes/preview` renders the request a process
 * (saved or still being edited) would send for one record, without sending it. The process editor
 * of the window shows it live. It runs the same steps as a run (process-engine.ts): the checks, then
 * the `[#...#]` parameters filled from the record, then the request with its secrets redacted.
 */
const PreviewBody = z.object({
  process: BusinessProcessInput.partial({ name: true }),
  /** Absent: only the checks (the editor shows them before a record is chosen). */
  recordId: z.string().min(1).optional(),
});

export interface ProcessPreview {
  record?: { entity: string; id: string };
  /** Whether the signal's filter passes this record as it is now (the event itself is not checked). */
  filterMatches?: boolean;
  checks: { errors: Issue[]; warnings: Issue[] };
  /** Each reference and its value (those that resolved). */
  parameters: Record<string, string>;
  /** The request a run would send (secrets redacted), present when the parameters resolve. */
  request?: WebRequest;
  /** Why a run would send nothing (a failed check, a reference that resolves to nothing). */
  error?: string;
}

export interface PreviewDeps {
  model: SchemaModel;
  store: DataStore;
}

type PreviewProcess = z.output<typeof PreviewBody>['process'];

/** What a run of `process` against `record` would send, built as process-engine.ts builds it. */
export function previewProcess(process: PreviewProcess, record: EntityRecord | undefined, deps: PreviewDeps): ProcessPreview {
  const entity = process.signal.entity;
  const checks = checkProcess(process, deps);
  if (!record) return { checks, parameters: {} };
  const call = process.callWebService;
  const resolved = resolveTemplate({ ...deps, entity, record, template: call.body, contentType: call.contentType });
  const preview: ProcessPreview = {
    record: { entity, id: String(record.Id) },
    filterMatches: matchesFilter(process.signal.filter, record, { ...deps, entity }),
    checks,
    parameters: resolved.parameters,
  };
  if (resolved.ok) {
    const request: WebRequest = { url: call.url, method: call.method, headers: { 'Content-Type': call.contentType, ...call.headers }, body: resolved.body };
    preview.request = redactRequest(request);
  }
  // The same words as the process log's `error` (process-engine.ts), so the preview reads like a run.
  if (checks.errors.length > 0) preview.error = `process check failed: ${checks.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
  else if (!resolved.ok) preview.error = `parameters did not resolve, nothing sent: ${resolved.errors.join('; ')}`;
  return preview;
}

/** The preview route, mounted at `/__lab` beside the process routes (docs/admin-api.md). */
export function createProcessPreviewRoutes(deps: PreviewDeps): express.Router {
  const router = express.Router();
  router.post('/processes/preview', express.json({ limit: '1mb' }), (req, res) => {
    const body = PreviewBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new AdminError(400, 'BAD_REQUEST', `body.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const { process, recordId } = body.data;
    const table = deps.store.table(process.signal.entity);
    if (!table) throw new AdminError(400, 'BAD_REQUEST', `body.process.signal.entity: unknown object '${process.signal.entity}'`);
    const record = recordId === undefined ? undefined : table.get(recordId.toLowerCase());
    if (recordId !== undefined && !record) throw new AdminError(404, 'NOT_FOUND', `No ${process.signal.entity} record with Id '${recordId}'`);
    res.json(previewProcess(process, record, deps));
  });
  router.use(adminErrorHandler);
  return router;
}
