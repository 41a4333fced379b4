/** The engine's outbox (writes to Creatio) and its webhook receiver's log, and raw webhook sends. */
import { z } from 'zod';

export const ErrorInfo = z.object({ code: z.string(), message: z.string(), retryAfterMs: z.number().optional() });

/** One write to Creatio, with the ids it will use fixed before the first attempt. */
export const OutboxItem = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  kind: z.enum(['case.create', 'activity.log', 'case.update', 'case.ai-fields', 'case.resolve']),
  /** What will be written (Case, Activity, columns); the shape depends on `kind` (docs/engine.md). */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number().int(),
  /** Epoch ms before which the item is not tried again (0: at once). */
  nextAttemptAt: z.number(),
  /** 'dead': gave up (a dead letter); `POST /api/outbox/:itemId/retry` puts it back. */
  state: z.enum(['pending', 'done', 'dead']),
  lastError: ErrorInfo.optional(),
  enqueuedAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** `GET /api/outbox?state=` */
export const OutboxQuery = z.object({ state: z.enum(['pending', 'done', 'dead']).optional() });
export const OutboxList = z.object({ items: z.array(OutboxItem) });
export type OutboxList = z.infer<typeof OutboxList>;

/** `POST /api/outbox/:itemId/retry` */
export const OutboxRetryResult = z.object({ item: OutboxItem });

/** One request the webhook receiver got, good or bad, with what was done (token never kept). */
export const WebhookLogEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  token: z.enum(['valid', 'wrong']),
  contentType: z.string().optional(),
  size: z.number().int(),
  body: z.string(),
  status: z.number().int(),
  outcome: z.string(),
  detail: z.string().optional(),
  eventType: z.string().optional(),
  caseId: z.string().optional(),
  conversationId: z.string().optional(),
  webhookId: z.string().optional(),
  result: z.string().optional(),
  /** The request's headers as received (lower-case names; the token, if it appeared in one, as [redacted]). */
  headers: z.record(z.string(), z.string()).optional(),
  /** The body the receiver answered with (its status is `status`): `problems` for a 400, `webhookId` for a 202... */
  response: z.unknown().optional(),
  /** From receiving the request to answering it, in ms. */
  durationMs: z.number().optional(),
});
export type WebhookLogEntry = z.infer<typeof WebhookLogEntry>;

/** `GET /api/webhooks`: oldest first. */
export const WebhookLog = z.object({ entries: z.array(WebhookLogEntry) });
export type WebhookLog = z.infer<typeof WebhookLog>;

/**
 * `POST /api/webhooks/send`: a real HTTP request to the engine's webhook receiver (replays, scenario
 * steps). `token`: 'valid' (default) uses the current token, 'wrong' a token that does not match,
 * any other string is used as it is. A string `body` is sent byte for byte; an object as JSON.
 */
export const SendWebhookBody = z.object({
  token: z.string().min(1).max(500).optional(),
  body: z.union([z.string().max(1_000_000), z.record(z.string(), z.unknown())]),
  contentType: z.string().min(1).max(200).optional(),
});
export type SendWebhookBody = z.infer<typeof SendWebhookBody>;

/** What the receiver answered: its status and body (JSON when it was JSON, else text). */
export const SendWebhookResult = z.object({ status: z.number().int(), body: z.unknown() });
export type SendWebhookResult = z.infer<typeof SendWebhookResult>;
