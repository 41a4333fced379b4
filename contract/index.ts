/**
 * Schemas and types of the Lab API, shared by lab/ (server) and renderer/ (client). Depends on zod
 * only. The Lab API itself arrives with issue 5; what is here is used by both sides already.
 */
import { z } from 'zod';

/** The error body of every lab endpoint: a code to branch on and a message that says what and where. */
export const LabError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type LabError = z.infer<typeof LabError>;
