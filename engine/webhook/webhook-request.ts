/**
 * Checks one webhook request before anything is done with it (issue 4, "The engine's webhook
 * receiver"): token (404, learns nothing), size (413), content type (415), then the body as JSON
 * and through zod (400 naming each field and its problem). Order matters: a caller without the
 * token learns nothing else, not even whether its body would have been good.
 */
import { z } from 'zod';
import { constantTimeEqual } from './constant-time';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/** The most a webhook body may hold (issue 4): 64 KB. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;

export interface WebhookRequest {
  /** The token from the URL path (`/backend/creatio/webhook/<token>`). */
  token: string;
  /** The Content-Type header as sent. */
  contentType?: string;
  /** Body size in bytes as the host counted it (it may have read only the first 64 KB + 1). */
  contentLength?: number;
  body: string;
  /** The request's headers as the host received them, kept in the webhook log only (lower-case names). */
  headers?: Record<string, string>;
}

export interface WebhookProblem {
  field: string;
  problem: string;
}

export interface WebhookErrorBody {
  error: { code: string; message: string; problems?: WebhookProblem[] };
}

export interface WebhookResponse {
  status: number;
  body: WebhookErrorBody | Record<string, unknown>;
}

export interface ValidWebhook {
  eventType: WebhookEventType;
  caseId: string;
}

/** Every wrong or missing token gets exactly this: the same status and body as any unknown URL. */
export const NOT_FOUND: WebhookResponse = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found' } } };

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES);
const stringOrRequired = (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string');

/** The body (seed "Webhook event reference"); other keys are allowed: the seed's template has more. */
const WebhookBody = z.looseObject({
  event_type: z.string({ error: stringOrRequired }).refine((v) => KNOWN.has(v), {
    message: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  }),
  caseId: z.string({ error: stringOrRequired }).regex(GUID_RE, 'must be a GUID like ae7f411e-f46b-1410-009b-0050ba5d6c38'),
});

function error(status: number, code: string, message: string, problems?: WebhookProblem[]): WebhookResponse {
  return { status, body: { error: { code, message, ...(problems ? { problems } : {}) } } };
}

/** UTF-8 size of a string without Buffer/TextEncoder (the engine stays host-agnostic). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** `application/json` or `application/<x>+json`, parameters (charset) allowed. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType);
}

export function tokenMatches(token: unknown, secret: string): boolean {
  return typeof token === 'string' && constantTimeEqual(token, secret);
}

/** Checks a request; either the webhook it carries or the response that rejects it. */
export function checkWebhookRequest(request: WebhookRequest, secret: string): { ok: true; webhook: ValidWebhook } | { ok: false; response: WebhookResponse } {
  if (!tokenMatches(request.token, secret)) return { ok: false, response: NOT_FOUND };
  const size = Math.max(request.contentLength ?? 0, typeof request.body === 'string' ? utf8Length(request.body) : 0);
  if (size > WEBHOOK_MAX_BYTES) {
    return { ok: false, response: error(413, 'PAYLOAD_TOO_LARGE', `the body is ${size} bytes; at most ${WEBHOOK_MAX_BYTES} are accepted`) };
  }
  if (!isJsonContentType(request.contentType)) {
    const sent = request.contentType ? `"${request.contentType.slice(0, 100)}"` : 'none';
    return { ok: false, response: error(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json (got ${sent})`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : 'unparseable';
    return { ok: false, response: error(400, 'INVALID_JSON', `the body is not JSON: ${reason.slice(0, 200)}`, [{ field: '(body)', problem: 'must be JSON' }]) };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const problems = [{ field: '(body)', problem: 'must be a JSON object like {"event_type":"new_activity","caseId":"<case GUID>"}' }];
    return { ok: false, response: error(400, 'INVALID_WEBHOOK', 'the body must be a JSON object', problems) };
  }
  const parsed = WebhookBody.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', problem: issue.message }));
    const message = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
    return { ok: false, response: error(400, 'INVALID_WEBHOOK', message, problems) };
  }
  return { ok: true, webhook: { eventType: parsed.data.event_type as WebhookEventType, caseId: parsed.data.caseId.toLowerCase() } };
}
