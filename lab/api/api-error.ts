/**
 * The Lab API's one error type and the middleware that writes every error in the one shape
 * `{"error":{"code","message","problems"?,"details"?}}` (contract LabError).
 */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import type { LabErrorCode, Problem } from '../../contract';
import { EngineError } from '../../engine';
import { FakeChatError } from '../../fake-chat';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: LabErrorCode,
    message: string,
    readonly extra: { problems?: Problem[]; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A failed union names no field; the branch the input came closest to (fewest issues) does, so its
 * issues stand in for the union's.
 */
function flatten(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      if (closest.length > 0) return flatten(closest, path);
    }
    return [{ path, message: issue.message }];
  });
}

/** zod issues as problems: `field` is the dotted path (with `prefix`, e.g. `query.`), `problem` the message. */
export function toProblems(error: z.ZodError, prefix = ''): Problem[] {
  return flatten(error.issues).map(({ path, message }) => ({
    field: `${prefix}${path.map(String).join('.')}` || prefix.replace(/\.$/, '') || '(body)',
    problem: message,
  }));
}

/** Builds a 400 naming each field ("customer.name: ...; channel: ..."). */
export function badRequest(problems: Problem[], what = 'The request'): ApiError {
  const list = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  return new ApiError(400, 'BAD_REQUEST', `${what} is not valid: ${list}`, { problems });
}

/** Parses a request body with zod; a bad one is a 400 naming each field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw badRequest(toProblems(result.error), 'The body');
  return result.data;
}

/** Parses a query string with zod; problems are named `query.<name>`. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query ?? {});
  if (!result.success) throw badRequest(toProblems(result.error, 'query.'), 'The query');
  return result.data;
}

export function sendError(res: Response, error: ApiError): void {
  const { problems, details } = error.extra;
  res.status(error.status).json({
    error: { code: error.code, message: error.message, ...(problems ? { problems } : {}), ...(details !== undefined ? { details } : {}) },
  });
}

/** express.json's own errors (bad JSON, too large) as ApiErrors. */
function fromBodyParser(error: { type?: string; status?: number; message?: string }): ApiError | undefined {
  if (error.type === 'entity.parse.failed') return new ApiError(400, 'BAD_REQUEST', `The body is not valid JSON: ${error.message ?? ''}`.trim(), { problems: [{ field: '(body)', problem: 'is not valid JSON' }] });
  if (error.type === 'entity.too.large') return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The body is larger than 1 MB');
  if (error.status && error.status >= 400 && error.status < 500) return new ApiError(error.status, 'BAD_REQUEST', error.message ?? 'Bad request');
  return undefined;
}

/** The parts' own errors that say the caller asked for something wrong (not a bug of the lab). */
function fromPart(error: unknown): ApiError | undefined {
  if (error instanceof EngineError) {
    if (error.code === 'CONVERSATION_NOT_FOUND') return new ApiError(404, 'NOT_FOUND', error.message);
    if (error.code === 'SETTINGS_INVALID') return new ApiError(400, 'BAD_REQUEST', error.message);
  }
  if (error instanceof FakeChatError) {
    if (error.code === 'UNKNOWN_CONVERSATION') return new ApiError(404, 'NOT_FOUND', error.message);
    if (error.code === 'INVALID_INPUT') return new ApiError(400, 'BAD_REQUEST', error.message);
  }
  return undefined;
}

/** The last middleware: every error leaves in the one shape; an unexpected one is a 500 without internals. */
export function errorMiddleware(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof ApiError) return sendError(res, error);
  const parsed = fromPart(error) ?? (typeof error === 'object' && error !== null ? fromBodyParser(error as { type?: string }) : undefined);
  if (parsed) return sendError(res, parsed);
  sendError(res, new ApiError(500, 'INTERNAL', `Internal error: ${error instanceof Error ? error.message : String(error)}`));
}
