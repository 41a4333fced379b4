/** The one error shape of the whole Lab API (and the codes a client can branch on). */
import { z } from 'zod';

/** One thing wrong with a request: the field (dotted path in the body, `query.x` for a query parameter) and what is wrong. */
export const Problem = z.object({
  field: z.string(),
  problem: z.string(),
});
export type Problem = z.infer<typeof Problem>;

/** Codes the Lab API itself answers with; a body passed through from the simulated site keeps the site's own code. */
export const LabErrorCode = z.enum([
  'BAD_REQUEST', 'UNAUTHORIZED', 'HOST_NOT_ALLOWED', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT',
  'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CREATIO_UNREACHABLE', 'WEBHOOK_UNREACHABLE', 'INTERNAL',
]);
export type LabErrorCode = z.infer<typeof LabErrorCode>;

/** The error body of every lab endpoint: a code to branch on and a message that says what and where. */
export const LabError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** A bad request: each field and what is wrong with it. */
    problems: z.array(Problem).optional(),
    details: z.unknown().optional(),
  }),
});
export type LabError = z.infer<typeof LabError>;
