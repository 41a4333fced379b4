import { z } from 'zod';
import { ODataHttpError } from './odata-error';
import { type ODataRequest, type ODataResponse, type ODataService, responseJson } from './odata-service';

/** Creatio accepts at most 100 requests in one batch (reference/creatio-api.md §1.7). */
export const MAX_BATCH_REQUESTS = 100;

const BatchPart = z.object({
  id: z.string().optional(),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  atomicityGroup: z.string().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const BatchBody = z.object({ requests: z.array(BatchPart) });

export interface BatchPartResponse {
  id?: string;
  atomicityGroup?: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Runs a JSON `$batch` (`{"requests":[...]}`): parts in order, each through the same OData service
 * as a single request. Processing stops at the first part answering 4xx/5xx unless the outer
 * request has `Prefer: continue-on-error` (reference §1.7). Atomicity groups are accepted but
 * not transactional (docs/fidelity.md).
 */
export async function runJsonBatch(
  service: ODataService,
  outer: Omit<ODataRequest, 'method' | 'path' | 'query' | 'body' | 'contentType'> & { body?: string; prefer?: string },
): Promise<ODataResponse> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(outer.body ?? '');
  } catch (error) {
    throw new ODataHttpError(400, `Invalid JSON. ${error instanceof Error ? error.message : String(error)}`);
  }
  const batch = BatchBody.safeParse(parsed);
  if (!batch.success) {
    const issue = batch.error.issues[0];
    throw new ODataHttpError(400, `The $batch body is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`);
  }
  const parts = batch.data.requests;
  assertBatchSize(parts.length);
  const continueOnError = wantsContinueOnError(outer.prefer);
  // Each part's answer is serialised as it comes (its body may already be JSON text): the body is
  // exactly `JSON.stringify({ responses })` of the parts in BatchPartResponse form.
  const responses: string[] = [];
  await durableOnce(async (deferDurable) => {
    for (const part of parts) {
      const response = await runPart(service, { ...outer, deferDurable }, part);
      responses.push(response.text);
      if (response.status >= 400 && !continueOnError) break;
    }
  });
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', 'OData-Version': '4.0' },
    jsonText: `{"responses":[${responses.join(',')}]}`,
  };
}

async function runPart(
  service: ODataService,
  outer: BatchContext,
  part: z.infer<typeof BatchPart>,
): Promise<{ status: number; text: string }> {
  const base = { ...(part.id !== undefined ? { id: part.id } : {}), ...(part.atomicityGroup ? { atomicityGroup: part.atomicityGroup } : {}) };
  const headers = Object.fromEntries(Object.entries(part.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const body = part.body === undefined ? undefined : typeof part.body === 'string' ? part.body : JSON.stringify(part.body);
  // Parts share the outer content type when they carry none (reference §1.7: one content type for all parts).
  const response = await executeBatchRequest(service, outer, { method: part.method, url: part.url, headers, body }, 'application/json');
  const head = JSON.stringify({ ...base, status: response.status, headers: response.headers } satisfies BatchPartResponse);
  const answer = responseJson(response) ?? (response.text !== undefined ? JSON.stringify(response.text) : undefined);
  return { status: response.status, text: answer === undefined ? head : `${head.slice(0, -1)},"body":${answer}}` };
}

/** What every part of one batch shares: the signed-in user and the service root of the outer request. */
export interface BatchContext {
  userContactId: string;
  serviceRoot: string;
  /** Where the parts' writes hand their durability (durableOnce); absent: each part waits for its own. */
  deferDurable?: (durable: Promise<void>) => void;
}

/**
 * Runs a batch's parts with their writes' durability collected instead of awaited one by one, then
 * waits for all of it before the batch answers: every part still sees the ones before it (they are
 * applied in memory at once), and the write-ahead log flushes the lot together. A failed flush fails
 * the whole batch (a 500: the client retries it; its inserts carry their ids, so nothing is made twice).
 */
export async function durableOnce<T>(run: (deferDurable: (durable: Promise<void>) => void) => Promise<T>): Promise<T> {
  const pending: Promise<void>[] = [];
  const result = await run((durable) => {
    durable.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    pending.push(durable);
  });
  await Promise.all(pending);
  return result;
}

/** One request of a batch, in either form; header names lowercase. */
export interface BatchRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `Prefer: continue-on-error` (or `odata.continue-on-error`) on the outer request (reference §1.7). */
export function wantsContinueOnError(prefer: string | undefined): boolean {
  return /(^|[,;\s])(odata\.)?continue-on-error(\s*=\s*true)?\b/i.test(prefer ?? '');
}

/** More than 100 requests is a 400 before any of them runs (reference §1.7). */
export function assertBatchSize(count: number): void {
  if (count > MAX_BATCH_REQUESTS) {
    throw new ODataHttpError(400, `The batch contains ${count} requests; at most ${MAX_BATCH_REQUESTS} are allowed in one batch.`);
  }
}

/**
 * Runs one batch request through the OData service exactly as a single request, turning a client
 * error (ODataHttpError) into that request's answer so the batch itself still answers 200.
 * `defaultContentType` applies to a body sent without a Content-Type header.
 */
export async function executeBatchRequest(
  service: ODataService,
  outer: BatchContext,
  request: BatchRequest,
  defaultContentType?: string,
): Promise<ODataResponse> {
  try {
    const { path, query } = splitUrl(request.url, outer.serviceRoot);
    const contentType = request.headers['content-type'] ?? (request.body === undefined ? undefined : defaultContentType);
    return await service.handle({
      method: request.method, path, query, body: request.body, contentType,
      userContactId: outer.userContactId, serviceRoot: outer.serviceRoot,
      ...(outer.deferDurable ? { deferDurable: outer.deferDurable } : {}),
    });
  } catch (error) {
    if (error instanceof ODataHttpError) {
      return { status: error.status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...error.headers }, json: error.toBody() };
    }
    throw error;
  }
}

/** A part URL is relative to the service root (`Case(…)`), absolute, or rooted (`/0/odata/Case`). */
function splitUrl(url: string, serviceRoot: string): { path: string; query: URLSearchParams } {
  const rootPath = new URL(serviceRoot).pathname;
  let target: URL;
  try {
    target = new URL(url, `${serviceRoot}/`);
  } catch {
    throw new ODataHttpError(400, `The batch part URL '${url}' is not valid.`);
  }
  if (url.startsWith('$') && !/^\$(metadata|batch)(?![\w-])/.test(url)) {
    throw new ODataHttpError(400, `Content-ID references like '${url}' are not supported by the Case Sync Lab simulator.`);
  }
  let path = target.pathname;
  if (path.startsWith(`${rootPath}/`)) path = path.slice(rootPath.length + 1);
  else if (path.startsWith('/odata/')) path = path.slice('/odata/'.length);
  else if (path.startsWith('/0/odata/')) path = path.slice('/0/odata/'.length);
  else throw new ODataHttpError(400, `The batch part URL '${url}' is outside the OData service root.`);
  return { path, query: target.searchParams };
}
