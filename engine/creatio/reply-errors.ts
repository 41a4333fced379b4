import { z } from 'zod';
import { EngineError } from '../engine-error';
import type { Clock } from '../ports';
import type { Reply, Where } from './http-exchange';

/** Creatio's OData 4 error body; deeper causes under innererror.internalexception (reference §1.6). */
const ODataErrorBody = z.object({
  error: z.object({
    message: z.string().optional(),
    innererror: z
      .object({
        message: z.string().optional(),
        internalexception: z.object({ message: z.string().optional() }).optional(),
      })
      .optional(),
  }),
});

/** ServiceModel's error body, e.g. the 401 `{"Message":"Authentication failed.",...}` (reference §2.1). */
const ServiceModelErrorBody = z.object({ Message: z.string() });

const MAX_MESSAGE = 500;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every message Creatio put in an error body, outermost first, without repeats. */
export function creatioMessages(text: string): string[] {
  const json = parseJson(text);
  const odata = ODataErrorBody.safeParse(json);
  if (odata.success) {
    const { error } = odata.data;
    const all = [error.message, error.innererror?.message, error.innererror?.internalexception?.message];
    return [...new Set(all.filter((m): m is string => typeof m === 'string' && m.trim() !== ''))];
  }
  const serviceModel = ServiceModelErrorBody.safeParse(json);
  return serviceModel.success && serviceModel.data.Message ? [serviceModel.data.Message] : [];
}

function describe(reply: Reply): string {
  const messages = creatioMessages(reply.text);
  const text = messages.length > 0 ? messages.join(' / ') : reply.text.trim().slice(0, 200) || '(no body)';
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3), measured on the Clock. */
export function retryAfterMs(header: string | null, clock: Clock): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - clock.now());
}

function looksLikeHtml(reply: Reply): boolean {
  const type = reply.headers.get('content-type') ?? '';
  return /html/i.test(type) || reply.text.trimStart().startsWith('<');
}

/**
 * The three ways a Creatio host says "not signed in" (reference SUMMARY #7, §2.1): 401, 403 (e.g. a
 * stale BPMCSRF), or the login page, as a 302 to `/Login/NuiLogin.aspx?ReturnUrl=...` or as the page
 * itself (200 HTML mentioning NuiLogin; clio detects it the same way).
 */
export function isSessionExpiredReply(reply: Reply): boolean {
  if (reply.status === 401 || reply.status === 403) return true;
  if (reply.status >= 300 && reply.status < 400) return /NuiLogin/i.test(reply.headers.get('location') ?? '');
  return reply.status === 200 && looksLikeHtml(reply) && /NuiLogin/i.test(reply.text);
}

/** 500 with PostgreSQL 23505 or "duplicate key" (MSSQL "Cannot insert duplicate key"): our Id is taken (§1.6). */
function isDuplicateKey(reply: Reply): boolean {
  return reply.status === 500 && creatioMessages(reply.text).some((m) => /\b23505\b|duplicate key/i.test(m));
}

/** The EngineError for an answer that is not the success the caller expected. */
export function errorForReply(reply: Reply, where: Where, clock: Clock): EngineError {
  const details: Record<string, unknown> = { ...where, status: reply.status };
  const said = `Creatio answered ${reply.status} to ${where.method} ${where.path}`;
  const { status } = reply;
  if (isDuplicateKey(reply)) {
    return new EngineError('CREATIO_DUPLICATE', `${said}: the record already exists (${describe(reply)})`, details);
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(reply.headers.get('retry-after'), clock);
    if (wait !== undefined) details.retryAfterMs = wait;
    const code = status === 429 ? 'CREATIO_RATE_LIMITED' : 'CREATIO_UNAVAILABLE';
    return new EngineError(code, `${said}: ${status === 429 ? 'too many requests' : 'service unavailable'}`, details);
  }
  if (status >= 500) return new EngineError('CREATIO_SERVER_ERROR', `${said}: ${describe(reply)}`, details);
  if (status === 404) return new EngineError('CREATIO_NOT_FOUND', `${said}: not found (${describe(reply)})`, details);
  if (status >= 400) return new EngineError('CREATIO_BAD_REQUEST', `${said}: ${describe(reply)}`, details);
  if (status >= 300 && status < 400) {
    const location = reply.headers.get('location') ?? '(no Location)';
    return new EngineError('CREATIO_BAD_REQUEST', `${said}: redirected to ${location.slice(0, 200)}; check the Instance URL`, details);
  }
  return badResponse(reply, where, 'an unexpected status');
}

/** A 2xx whose body is not what the call expects (cut off, HTML, the wrong JSON shape). */
export function badResponse(reply: Reply, where: Where, what: string): EngineError {
  const type = reply.headers.get('content-type') ?? 'no content type';
  return new EngineError('CREATIO_BAD_RESPONSE',
    `Creatio answered ${reply.status} to ${where.method} ${where.path} with ${what} (${type}, ${reply.text.length} characters)`,
    { ...where, status: reply.status });
}

/** Parses a JSON body with a zod schema; anything else is CREATIO_BAD_RESPONSE. */
export function parseReply<T>(reply: Reply, where: Where, schema: z.ZodType<T>, what: string): T {
  const json = parseJson(reply.text);
  if (json === undefined) throw badResponse(reply, where, `a body that is not JSON where ${what} was expected`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badResponse(reply, where, `JSON that is not ${what}`);
  return parsed.data;
}
