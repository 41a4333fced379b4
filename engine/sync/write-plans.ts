/**
 * Sending planned writes: one request per write, or several items' writes as one OData `$batch`
 * (reference/creatio-api.md §1.7). A batch runs in order and Creatio stops at the first failing part,
 * so the items before it are done, the failing one fails, the ones after it were not tried: exactly
 * the outbox's rule that a conversation's items land in order. An insert answered "duplicate key"
 * (our own Id, made by an earlier attempt whose reply was lost) counts as done, inside a batch as
 * alone; since the batch stopped there, the writes after it go out in a new batch.
 */
import type { BatchPartResult, BatchWrite, CreatioClient, SharedBatchAnswer, SharedBatches } from '../creatio';
import { MAX_BATCH_REQUESTS } from '../creatio';
import { EngineError, toEngineError } from '../engine-error';
import type { DurableEvent } from '../events';
import type { GroupOutcome, OutboxItem } from '../outbox/outbox-types';

/** What one outbox item writes, decided before anything is written; `events` once every write is done. */
export interface ItemPlan {
  writes: BatchWrite[];
  events: () => DurableEvent[];
  /** The Contact a case is created with, for the activities planned after it in the same group. */
  contactId?: string;
}

const isDuplicate = (error: unknown): boolean => error instanceof EngineError && error.code === 'CREATIO_DUPLICATE';

/** Runs one plan's writes, one request each; throws the first failure. */
export async function runPlan(client: CreatioClient, plan: ItemPlan): Promise<void> {
  for (const write of plan.writes) {
    try {
      if (write.method === 'POST') await client.insert(write.entity, write.body);
      else await client.update(write.entity, write.id, write.body);
    } catch (error) {
      if (write.method === 'POST' && isDuplicate(error)) continue;
      throw error;
    }
  }
}

/** Plans items in order; a follower whose planning fails (a read) is left for later, not failed. */
async function planAll(items: readonly OutboxItem[], plan: (item: OutboxItem, contactId?: string) => Promise<ItemPlan>): Promise<ItemPlan[]> {
  const plans: ItemPlan[] = [];
  let contactId: string | undefined;
  for (const item of items) {
    try {
      const planned = await plan(item, contactId);
      plans.push(planned);
      contactId = planned.contactId ?? contactId;
    } catch (error) {
      if (plans.length === 0) throw error;
      break;
    }
  }
  return plans;
}

/** Runs plans one request at a time, in order, stopping at the first failure. */
async function runOneByOne(client: CreatioClient, plans: readonly ItemPlan[]): Promise<GroupOutcome> {
  const done: DurableEvent[][] = [];
  for (const plan of plans) {
    try {
      await runPlan(client, plan);
    } catch (failure) {
      return { done, failure };
    }
    done.push(plan.events());
  }
  return { done };
}

interface Sent {
  write: BatchWrite;
  /** Index of the plan the write belongs to. */
  owner: number;
}

/**
 * How far one batch answer got: the index of the first write not yet done, or the failure of the
 * write at `next`. A duplicate insert is done, and the batch stopped right after it.
 */
function readAnswer(chunk: readonly Sent[], results: readonly BatchPartResult[], start: number): { next: number; failure?: EngineError } {
  let next = start;
  for (let i = 0; i < chunk.length; i += 1) {
    const result = results[i];
    if (result === undefined) {
      if (i > 0) return { next };
      return { next, failure: new EngineError('CREATIO_BAD_RESPONSE', 'Creatio answered the $batch without an answer to its first request', { part: 1 }) };
    }
    if (!result.ok) {
      if (chunk[i]!.write.method === 'POST' && isDuplicate(result.error)) return { next: next + 1 };
      return { next, failure: result.error };
    }
    next += 1;
  }
  return { next };
}

/**
 * Sends the plans' writes as batches of at most 100 (shared with other conversations' writes, see
 * creatio/shared-batches.ts) until all are done or one fails. Writes that did not run because
 * another conversation's part failed before them end the attempt with what is done and no failure:
 * the rest is tried again at once.
 */
async function runBatched(client: CreatioClient, batches: SharedBatches, plans: readonly ItemPlan[]): Promise<{ outcome: GroupOutcome; batchUnsupported?: boolean }> {
  const sent: Sent[] = plans.flatMap((plan, owner) => plan.writes.map((write) => ({ write, owner })));
  // a plan is done once every write up to its last one is (a plan with no writes: once those before it are)
  const ends = plans.map((_, owner) => sent.findLastIndex((s) => s.owner <= owner) + 1);
  const outcome = (next: number, failure?: unknown): GroupOutcome => {
    const done = ends.filter((end) => end <= next).length;
    return { done: plans.slice(0, done).map((plan) => plan.events()), ...(failure === undefined ? {} : { failure }) };
  };
  let next = 0;
  let answered = 0;
  while (next < sent.length) {
    const chunk = sent.slice(next, next + MAX_BATCH_REQUESTS);
    let answer: SharedBatchAnswer;
    try {
      answer = await batches.send(chunk.map((s) => s.write));
    } catch (error) {
      // A site that does not know $batch (before Creatio 7.16.1: 404, 400, 415...): one request each, from now on.
      if (answered === 0 && next === 0 && isUnsupported(error)) return { outcome: await runOneByOne(client, plans), batchUnsupported: true };
      return { outcome: outcome(next, error) };
    }
    if ('notRun' in answer) return { outcome: outcome(next) };
    answered += 1;
    const read = readAnswer(chunk, answer.results, next);
    next = read.next;
    if (read.failure) return { outcome: outcome(next, read.failure) };
  }
  return { outcome: outcome(next) };
}

function isUnsupported(error: unknown): boolean {
  const { code, details } = toEngineError(error);
  return (code === 'CREATIO_BAD_REQUEST' || code === 'CREATIO_NOT_FOUND') && typeof details.status === 'number' && details.status !== 401 && details.status !== 403;
}

export interface RunGroupOptions {
  client: CreatioClient;
  /** How `$batch` requests go out (shared between conversations, creatio/shared-batches.ts). */
  batches: SharedBatches;
  items: readonly OutboxItem[];
  plan: (item: OutboxItem, contactId?: string) => Promise<ItemPlan>;
  /** Whether to use `$batch` (false once the site answered it as unknown). */
  batch: boolean;
}

/** Plans and writes consecutive items of one conversation; see GroupOutcome for what the answer means. */
export async function runGroup(options: RunGroupOptions): Promise<{ outcome: GroupOutcome; batchUnsupported?: boolean }> {
  const { client } = options;
  let plans: ItemPlan[];
  try {
    plans = await planAll(options.items, options.plan);
  } catch (failure) {
    return { outcome: { done: [], failure } };
  }
  const writes = plans.reduce((n, plan) => n + plan.writes.length, 0);
  if (!options.batch || writes <= 1) return { outcome: await runOneByOne(client, plans) };
  return runBatched(client, options.batches, plans);
}
