/**
 * What the window reads of the simulated site's diagnostics (docs/admin-api.md), typed for the
 * Timeline, Faults and OData console views: one journal entry, and the fault settings with whether
 * the site is down now and the counters. The routes (routes.ts) keep their loose schemas, since the
 * Lab API passes the site's answers through; these describe the fields the views rely on.
 */
import { z } from 'zod';

/** One request the site served, secrets redacted by the site (`Bearer ***`, `BPMCSRF=***`). */
export const JournalEntry = z.looseObject({
  id: z.number().int(),
  startedOn: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int(),
  durationMs: z.number(),
  requestHeaders: z.record(z.string(), z.string()).default({}),
  requestBody: z.string().default(''),
  responseHeaders: z.record(z.string(), z.string()).default({}),
  responseBody: z.string().default(''),
  /** The fault injected into this request: 'down', 'error 500', 'cut off'. */
  fault: z.string().optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** `GET /api/creatio/journal`, most recent first. */
export const JournalEntries = z.object({ entries: z.array(JournalEntry) });
export type JournalEntries = z.infer<typeof JournalEntries>;

/** `GET`/`PUT /api/faults`: the fault settings, whether the site is down now, and the counters. */
export const FaultsStatus = z.looseObject({
  /** Epoch ms until which the site is down (absent: not taken down). */
  downUntil: z.number().optional(),
  downMode: z.enum(['reset', '503']).default('reset'),
  errorRate: z.number().default(0),
  errorStatus: z.number().int().default(500),
  retryAfterSeconds: z.number().int().optional(),
  cutOffRate: z.number().default(0),
  latencyMs: z.number().default(0),
  seed: z.number().int().default(1),
  down: z.boolean().default(false),
  counters: z.object({
    dropped: z.number().int(), errors: z.number().int(), cutOff: z.number().int(), delayed: z.number().int(),
  }).default({ dropped: 0, errors: 0, cutOff: 0, delayed: 0 }),
});
export type FaultsStatus = z.infer<typeof FaultsStatus>;
