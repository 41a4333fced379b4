/**
 * Business processes, their log, faults, sessions and the request journal of the simulated Creatio
 * site. The Lab API forwards these to the site's admin API (docs/admin-api.md) and passes its status
 * and body through, so the site's own checks and messages reach the caller unchanged.
 */
import { z } from 'zod';

/** `POST /api/processes`: one of the seed's two processes pointed at a URL... */
export const ProcessFromTemplate = z.object({
  template: z.enum(['agent-reply', 'case-closure']),
  url: z.string().min(1),
  name: z.string().optional(),
});

/** ...or a full definition: a signal start event and one "Call web service" (docs/admin-api.md). */
export const ProcessDefinition = z.looseObject({
  name: z.string().min(1).max(250),
  active: z.boolean().optional(),
  signal: z.looseObject({
    entity: z.string().min(1),
    event: z.enum(['added', 'modified', 'deleted']),
    changedColumns: z.array(z.string()).optional(),
    filter: z.unknown().optional(),
  }),
  callWebService: z.looseObject({
    url: z.string().min(1),
    method: z.enum(['POST', 'PUT', 'PATCH', 'GET']).optional(),
    contentType: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.string().optional(),
  }),
  retries: z.object({ attempts: z.number().int(), delayMs: z.number().int() }).optional(),
});
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

export const ProcessBody = z.union([ProcessFromTemplate, ProcessDefinition]);
export type ProcessBody = z.infer<typeof ProcessBody>;

/** A saved process (webhook token and secret headers shown as `***`) with its check warnings. */
export const Process = ProcessDefinition.extend({ id: z.string(), warnings: z.array(z.unknown()).optional() });
export type Process = z.infer<typeof Process>;

export const ProcessList = z.object({ processes: z.array(Process) });

/** `POST /api/processes/:id/fire`: run it now against a record (the "test" button). */
export const FireProcessBody = z.object({ recordId: z.string().min(1) });

/** One run of a process: trigger, parameters, the exact request and response (secrets redacted). */
export const ProcessLogEntry = z.looseObject({
  id: z.string(),
  processId: z.string(),
  processName: z.string(),
  status: z.enum(['completed', 'error']),
  startedOn: z.string(),
});
export const ProcessLog = z.looseObject({ entries: z.array(ProcessLogEntry) });

export const ProcessLogQuery = z.object({
  processId: z.string().optional(),
  limit: z.coerce.number().int().positive().optional(),
});

/** `PUT /api/faults`: replaces the previous faults (docs/admin-api.md). */
export const FaultsBody = z.object({
  downForMs: z.number().int().positive().max(3_600_000).optional(),
  downMode: z.enum(['reset', '503']).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  cutOffRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().nonnegative().max(120_000).optional(),
  seed: z.number().int().optional(),
});
export type FaultsBody = z.infer<typeof FaultsBody>;

/** `GET /api/faults`: the settings, whether the site is down now, and counters. */
export const FaultsState = z.looseObject({});

export const JournalQuery = z.object({
  limit: z.coerce.number().int().positive().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.coerce.number().int().optional(),
});

/** `GET /api/creatio/journal`: the site's request journal, most recent first, secrets redacted. */
export const Journal = z.object({ entries: z.array(z.looseObject({})) });
