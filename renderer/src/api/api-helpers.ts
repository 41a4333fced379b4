/** What each domain's API module (api/domains/*.api.ts) gets from lab-client.ts to make its calls. */
import type { z } from 'zod';

export interface ApiHelpers {
  /** A request whose JSON answer is checked with `schema` (a LabApiError otherwise). */
  call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>>;
  /** A request whose answer is taken as it is (status and parsed JSON, or text). Non-2xx throws LabApiError. */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /** URL-encodes a path segment. */
  id(value: string): string;
}
