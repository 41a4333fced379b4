import { z } from 'zod';

/**
 * A business process as the simulator models it: a signal start event on an object (record added,
 * modified or deleted, with an optional filter) followed by one "Call web service" element
 * (reference/creatio-api.md §4.1, §4.3). That is exactly the shape the seed's two processes take.
 */

/** One filter condition on a column of the signal's object. */
export const Condition = z.object({
  /** OData property (`TypeId`, `StatusId`, `Subject`) or a path through lookups (`Status/Name`). */
  column: z.string().min(1),
  op: z.enum(['eq', 'ne', 'contains', 'empty', 'notEmpty']),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type Condition = z.infer<typeof Condition>;

export interface FilterGroup {
  logic: 'and' | 'or';
  conditions: (Condition | FilterGroup)[];
}

/** AND/OR groups of conditions, nested as deep as needed (Creatio's filter editor allows groups). */
export const FilterGroup: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    logic: z.enum(['and', 'or']),
    conditions: z.array(z.union([FilterGroup, Condition])),
  }),
);

export function isGroup(item: Condition | FilterGroup): item is FilterGroup {
  return 'logic' in item;
}

export const Signal = z.object({
  /** The object (entity) whose records fire the signal, e.g. `Activity`, `Case`. */
  entity: z.string().min(1),
  event: z.enum(['added', 'modified', 'deleted']),
  /** For 'modified': "In any of the selected fields". Absent = "In any field" (§4.1). */
  changedColumns: z.array(z.string().min(1)).optional(),
  filter: FilterGroup.optional(),
});
export type Signal = z.infer<typeof Signal>;

export const CallWebService = z.object({
  url: z.string().min(1),
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET']).default('POST'),
  contentType: z.string().min(1).default('application/json'),
  headers: z.record(z.string(), z.string()).default({}),
  /** Request body template with `[#...#]` parameter references (§4.2). */
  body: z.string().default(''),
});
export type CallWebService = z.infer<typeof CallWebService>;

/**
 * LAB EXTRA, not a Creatio feature: real Creatio's "Call web service" sends once and does not retry.
 * Absent (the default) = send once, as Creatio does.
 */
export const Retries = z.object({
  attempts: z.number().int().min(1).max(10),
  delayMs: z.number().int().min(0).max(60_000),
});
export type Retries = z.infer<typeof Retries>;

/** What a client sends to create or replace a process (the id is the server's). */
export const BusinessProcessInput = z.object({
  name: z.string().min(1).max(250),
  active: z.boolean().default(true),
  signal: Signal,
  callWebService: CallWebService,
  retries: Retries.optional(),
});
export type BusinessProcessInput = z.input<typeof BusinessProcessInput>;

export const BusinessProcess = BusinessProcessInput.extend({ id: z.string().regex(/^[\w-]{1,100}$/, "letters, digits, - or _") });
export type BusinessProcess = z.infer<typeof BusinessProcess>;

/** `<workspace>/creatio/processes.json`. */
export const ProcessesFile = z.object({ processes: z.array(BusinessProcess).default([]) });
export type ProcessesFile = z.infer<typeof ProcessesFile>;
