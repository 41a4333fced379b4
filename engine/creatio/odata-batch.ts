/**
 * OData JSON `$batch` (reference/creatio-api.md §1.7, Creatio 7.16.1 and later): one POST to
 * `/0/odata/$batch` with `{"requests":[{"id","method","url","headers","body"}]}`, answered with
 * `{"responses":[{"id","status","headers","body"}]}` (the OData JSON batch format; Creatio's exact
 * answer is UNCONFIRMED, so parts are matched by id, else by position). Without
 * `Prefer: continue-on-error` Creatio stops at the first part that fails: parts after it get no answer.
 */
import { z } from 'zod';
import type { EngineError } from '../engine-error';
import type { Clock } from '../ports';
import type { Reply, Where } from './http-exchange';
import { assertGuid, assertName } from './odata-url';
import { errorForReply } from './reply-errors';

/** Creatio takes at most 100 requests in one batch (reference §1.7). */
export const MAX_BATCH_REQUESTS = 100;

/** One write inside a batch: an insert (POST to the collection) or an update (PATCH by key). */
export type BatchWrite =
  | { method: 'POST'; entity: string; body: Record<string, unknown> }
  | { method: 'PATCH'; entity: string; id: string; body: Record<string, unknown> };

/** What one part got: its success body, its failure (the same EngineError as a single request), or no answer (not run). */
export type BatchPartResult = { ok: true; status: number } | { ok: false; error: EngineError } | undefined;

const PartAnswer = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  status: z.number().int(),
  headers: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown().optional(),
});
export const BatchAnswer = z.object({ responses: z.array(PartAnswer) });
type PartAnswer = z.infer<typeof PartAnswer>;

/** The part's URL, relative to the service root: `Activity` or `Case(<guid>)`. */
function partUrl(write: BatchWrite): string {
  assertName('entity', write.entity);
  if (write.method === 'POST') return write.entity;
  assertGuid(write.id);
  return `${write.entity}(${write.id})`;
}

/** The JSON body of the outer request; part ids are 1, 2, ... in order. */
export function batchBody(writes: readonly BatchWrite[]): { requests: unknown[] } {
  return {
    requests: writes.map((write, index) => ({
      id: String(index + 1),
      method: write.method,
      url: partUrl(write),
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
      body: write.body,
    })),
  };
}

function partReply(answer: PartAnswer): Reply {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers ?? {})) if (typeof value === 'string') headers.set(name, value);
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return { status: answer.status, headers, text };
}

/** Each write's result, in the order sent; a write with no answer is `undefined` (the batch stopped before it). */
export function partResults(writes: readonly BatchWrite[], answers: readonly PartAnswer[], clock: Clock): BatchPartResult[] {
  const byId = new Map<string, PartAnswer>();
  for (const answer of answers) if (answer.id !== undefined) byId.set(String(answer.id), answer);
  return writes.map((write, index) => {
    const answer = byId.size > 0 ? byId.get(String(index + 1)) : answers[index];
    if (!answer) return undefined;
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status };
    const where: Where = { method: write.method, path: `/0/odata/$batch → ${partUrl(write)}` };
    return { ok: false, error: errorForReply(partReply(answer), where, clock) };
  });
}
