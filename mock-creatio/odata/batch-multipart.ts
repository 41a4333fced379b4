import { assertBatchSize, durableOnce, executeBatchRequest, wantsContinueOnError } from './batch';
import type { BatchContext } from './batch';
import { parseMultipartBatch } from './multipart-parser';
import type { MultipartItem, MultipartRequest } from './multipart-parser';
import { writeMultipartBatch } from './multipart-writer';
import type { MultipartAnswer, MultipartResponse } from './multipart-writer';
import type { ODataResponse, ODataService } from './odata-service';

/**
 * Runs a `$batch` sent as `multipart/mixed` (reference/creatio-api.md §1.7; format of OData
 * Version 4.0 Part 1 §11.7). The whole body is parsed and counted before anything runs, so a
 * malformed body or more than 100 requests is a 400 with no side effects. Then each request runs
 * through the same code as a single request (executeBatchRequest), in order; processing stops at
 * the first answer with 4xx/5xx unless the outer request has `Prefer: continue-on-error`.
 *
 * Change sets are accepted but are not transactional: their requests run one by one and stay
 * applied when a later one fails. Such a change set is answered, as OData 4.0 §11.7.4 prescribes,
 * by the single failing response instead of a nested multipart (docs/fidelity.md).
 */
export async function runMultipartBatch(
  service: ODataService,
  outer: BatchContext & { body?: string; contentType: string; prefer?: string },
): Promise<ODataResponse> {
  const items = parseMultipartBatch(outer.body, outer.contentType);
  assertBatchSize(countRequests(items));
  const continueOnError = wantsContinueOnError(outer.prefer);
  const answers: MultipartAnswer[] = [];
  await durableOnce(async (deferDurable) => {
    const context = { ...outer, deferDurable };
    for (const item of items) {
      const answer = item.kind === 'changeset'
        ? await runChangeSet(service, context, item.requests)
        : await runRequest(service, context, item);
      answers.push(answer);
      if (answer.kind === 'response' && answer.response.status >= 400 && !continueOnError) break;
    }
  });
  const { contentType, body } = writeMultipartBatch(answers);
  return { status: 200, headers: { 'Content-Type': contentType, 'OData-Version': '4.0' }, text: body };
}

/** Requests in the batch, counting each request of a change set (the 100 limit is per request). */
function countRequests(items: MultipartItem[]): number {
  return items.reduce((sum, item) => sum + (item.kind === 'changeset' ? item.requests.length : 1), 0);
}

async function runRequest(service: ODataService, outer: BatchContext, request: MultipartRequest): Promise<MultipartResponse> {
  // Each part carries its own Content-Type (reference §1.7): a body without one is a 415, as alone.
  const response = await executeBatchRequest(service, outer, request);
  return { kind: 'response', ...(request.contentId !== undefined ? { contentId: request.contentId } : {}), response };
}

/** Runs a change set's requests in order; the first failure ends it and answers for all of it. */
async function runChangeSet(service: ODataService, outer: BatchContext, requests: MultipartRequest[]): Promise<MultipartAnswer> {
  const responses: MultipartResponse[] = [];
  for (const request of requests) {
    const answer = await runRequest(service, outer, request);
    if (answer.response.status >= 400) return answer;
    responses.push(answer);
  }
  return { kind: 'changeset', responses };
}
