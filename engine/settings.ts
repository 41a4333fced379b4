import { z } from 'zod';

/**
 * The integration's settings page (OpenCX "Settings → Integrations → Creatio", reference
 * creatio-api.md §5.1), validated with zod. Parsed once by the host, then handed to the engine.
 */
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const Guid = z.string().regex(GUID_RE, 'must be a GUID like ae7f411e-f46b-1410-009b-0050ba5d6c38').transform((s) => s.toLowerCase());

/** Creatio's ActivityType "Task" (reference §3.4): the default type of transcript activities. */
export const ACTIVITY_TYPE_TASK = 'fbe0acdc-cfc0-df11-b00f-001d60e938c6';

export const InstanceUrl = z
  .string()
  .url('must be a URL like https://yourcompany.creatio.com')
  .refine((url) => !url.endsWith('/'), {
    // The classic mistake (reference §5.4 "Invalid credentials" causes): reject it, say how to fix it.
    message: 'must not end with a slash: use https://yourcompany.creatio.com, not https://yourcompany.creatio.com/',
  })
  .refine((url) => /^https?:\/\//.test(url), { message: 'must start with http:// or https://' });

export const CreatioAuth = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oauth'),
    clientId: z.string().min(1, 'is required'),
    clientSecret: z.string().min(1, 'is required'),
    /** Token endpoint; default: `https://<name>-is.creatio.com/connect/token` on Creatio cloud, else `<instanceUrl>/connect/token`. */
    tokenUrl: z.string().url().optional(),
  }),
  z.object({
    kind: z.literal('forms'),
    userName: z.string().min(1, 'is required'),
    password: z.string(),
  }),
]);
export type CreatioAuth = z.infer<typeof CreatioAuth>;

/** An AI field mapping (reference §5.3): which Case column the AI fills, and how. */
export const AiFieldMapping = z.object({
  /** Creatio column as OData names it: `PriorityId`, `UsrOrderNumber`. */
  fieldName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Creatio column name like PriorityId'),
  displayTitle: z.string().min(1),
  fieldType: z.enum(['text', 'dropdown']),
  /** What the AI reads; for dropdowns it lists every allowed value. */
  description: z.string(),
});
export type AiFieldMapping = z.infer<typeof AiFieldMapping>;

export const EngineSettings = z.object({
  instanceUrl: InstanceUrl,
  auth: CreatioAuth,
  /** Contact GUID the case is assigned to on creation. */
  defaultCaseOwnerId: Guid.optional(),
  /** SysAdminUnit GUID (a group/role) the case is assigned to. */
  defaultCaseGroupId: Guid.optional(),
  /** CaseStatus GUID used when the helpdesk resolves a conversation. */
  resolvedStatusId: Guid.optional(),
  /** false: a case on every conversation (default); true: only on handoff. */
  createCaseOnlyOnHandoff: z.boolean().default(false),
  aiFields: z.array(AiFieldMapping).default([]),
  /** ActivityType of transcript activities (default Task). */
  transcriptActivityTypeId: Guid.default(ACTIVITY_TYPE_TASK),
  /** Secret token in the webhook URL (128 bits or more, base64url). */
  webhookToken: z.string().regex(/^[A-Za-z0-9_-]{22,}$/, 'must be at least 22 base64url characters (128 bits)'),
  /** Link to the conversation shown in the first activity; `{sessionId}` is replaced. */
  sessionUrlTemplate: z.string().default('http://127.0.0.1/conversations/{sessionId}'),
  /** Per-request timeout towards Creatio. */
  requestTimeoutMs: z.number().int().positive().default(10_000),
  outbox: z
    .object({
      maxAttempts: z.number().int().min(1).default(10),
      baseDelayMs: z.number().int().min(1).default(200),
      maxDelayMs: z.number().int().min(1).default(5_000),
    })
    .default({ maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 5_000 }),
});
export type EngineSettings = z.infer<typeof EngineSettings>;
export type EngineSettingsInput = z.input<typeof EngineSettings>;

/** Parses settings; a problem becomes SETTINGS_INVALID naming each field (e.g. "instanceUrl: must not end with a slash"). */
export function describeSettingsProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
}
