/**
 * `POST /api/processes/preview` → the site's `POST /__lab/processes/preview` (a lab extra,
 * docs/admin-api.md): the request a process (saved or still being edited) would send for one record,
 * rendered without sending it. The site's status and body are passed through.
 */
import { z } from 'zod';
import { Process, ProcessDefinition, ProcessLogEntry } from './creatio-admin';

/** The process as the editor holds it (a name is not needed to preview) and the record to render for. */
export const ProcessPreviewBody = z.object({
  process: ProcessDefinition.partial({ name: true }),
  /** Absent: only the checks. */
  recordId: z.string().min(1).optional(),
});
export type ProcessPreviewBody = z.infer<typeof ProcessPreviewBody>;

/** One problem found by the site's checks, with where it is (`callWebService.body`, `signal.filter`). */
export const ProcessIssue = z.object({ path: z.string(), message: z.string() });
export type ProcessIssue = z.infer<typeof ProcessIssue>;

/** A request as the process log shows it: exactly as sent, secrets redacted. */
export const ProcessRequest = z.object({
  url: z.string(),
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});
export type ProcessRequest = z.infer<typeof ProcessRequest>;

/** What a run would send for the record; `error` says why it would send nothing. */
export const ProcessPreview = z.object({
  record: z.object({ entity: z.string(), id: z.string() }).optional(),
  /** Whether the signal's filter passes the record as it is now (the event is not checked). */
  filterMatches: z.boolean().optional(),
  checks: z.object({ errors: z.array(ProcessIssue), warnings: z.array(ProcessIssue) }),
  parameters: z.record(z.string(), z.string()),
  request: ProcessRequest.optional(),
  error: z.string().optional(),
});
export type ProcessPreview = z.infer<typeof ProcessPreview>;

/** A saved process with the site's check warnings (the list and the editor read these). */
export const CheckedProcess = Process.extend({ warnings: z.array(ProcessIssue).default([]) });
export type CheckedProcess = z.infer<typeof CheckedProcess>;
export const CheckedProcessList = z.object({ processes: z.array(CheckedProcess) });

/** One run in full (`GET /api/process-log`, `POST /api/processes/:id/fire`): docs/admin-api.md, "Process log entry". */
export const ProcessRun = ProcessLogEntry.extend({
  trigger: z.looseObject({ entity: z.string(), event: z.string(), recordId: z.string() }),
  parameters: z.record(z.string(), z.string()).default({}),
  request: ProcessRequest.optional(),
  response: z.looseObject({
    status: z.number(), headers: z.record(z.string(), z.string()), body: z.string(), bodyTruncated: z.boolean().optional(), timeMs: z.number(),
  }).optional(),
  error: z.string().optional(),
  attempts: z.number(),
});
export type ProcessRun = z.infer<typeof ProcessRun>;
export const ProcessRunList = z.object({ entries: z.array(ProcessRun) });
