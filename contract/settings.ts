/**
 * The engine's settings page over the Lab API. The shapes mirror engine/settings.ts (contract may
 * import zod only); the server checks every PUT with the engine's own schema as well, and a test
 * keeps the two in step. Secrets (client secret, password, webhook token) are always sent out as
 * `***`; sending `***` back keeps the stored secret, so GET → edit → PUT works.
 */
import { z } from 'zod';
import { Problem } from './errors';

/** What a secret looks like in every answer. */
export const MASK = '***';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID like ae7f411e-f46b-1410-009b-0050ba5d6c38');

export const CreatioAuthSettings = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oauth'),
    clientId: z.string(),
    /** `***` in answers; `***` in a PUT keeps the stored one. */
    clientSecret: z.string(),
    tokenUrl: z.string().optional(),
  }),
  z.object({
    kind: z.literal('forms'),
    userName: z.string(),
    /** `***` in answers; `***` in a PUT keeps the stored one. */
    password: z.string(),
  }),
]);
export type CreatioAuthSettings = z.infer<typeof CreatioAuthSettings>;

export const AiFieldSettings = z.object({
  fieldName: z.string(),
  displayTitle: z.string(),
  fieldType: z.enum(['text', 'dropdown']),
  description: z.string(),
});
export type AiFieldSettings = z.infer<typeof AiFieldSettings>;

export const OutboxSettings = z.object({
  maxAttempts: z.number().int().min(1),
  baseDelayMs: z.number().int().min(1),
  maxDelayMs: z.number().int().min(1),
});

/** `GET /api/settings`: the engine's settings, secrets masked. */
export const EngineSettingsView = z.object({
  instanceUrl: z.string(),
  auth: CreatioAuthSettings,
  defaultCaseOwnerId: guid.optional(),
  defaultCaseGroupId: guid.optional(),
  resolvedStatusId: guid.optional(),
  /** false: a case on every conversation; true: only on handoff (the lab's mode). */
  createCaseOnlyOnHandoff: z.boolean(),
  aiFields: z.array(AiFieldSettings),
  transcriptActivityTypeId: guid,
  /** Always `***` here: `GET /api/settings/webhook-url` is the one place the secret URL is shown. */
  webhookToken: z.string(),
  sessionUrlTemplate: z.string(),
  requestTimeoutMs: z.number().int().positive(),
  outbox: OutboxSettings,
});
export type EngineSettingsView = z.infer<typeof EngineSettingsView>;

/** `PUT /api/settings` (and the optional body of `POST /api/settings/test`): fields with a default may be left out. */
export const EngineSettingsBody = EngineSettingsView.extend({
  createCaseOnlyOnHandoff: z.boolean().optional(),
  aiFields: z.array(AiFieldSettings).optional(),
  transcriptActivityTypeId: guid.optional(),
  webhookToken: z.string().optional(),
  sessionUrlTemplate: z.string().optional(),
  requestTimeoutMs: z.number().int().positive().optional(),
  outbox: OutboxSettings.partial().optional(),
});
export type EngineSettingsBody = z.infer<typeof EngineSettingsBody>;

/** `POST /api/settings/test`: Test & Save's check (sign-in, then each configured id names a record). */
export const SettingsTestResult = z.object({ ok: z.boolean(), problems: z.array(Problem) });
export type SettingsTestResult = z.infer<typeof SettingsTestResult>;

/** `GET /api/settings/webhook-url`: the full secret URL, for copying into Creatio's "Call web service". */
export const WebhookUrl = z.object({ url: z.string() });
export type WebhookUrl = z.infer<typeof WebhookUrl>;

/** `POST /api/settings/rotate-webhook-token`: the new URL, masked (the site's processes that called the old one now call it). */
export const RotateWebhookTokenResult = z.object({ webhookUrl: z.string() });
export type RotateWebhookTokenResult = z.infer<typeof RotateWebhookTokenResult>;
