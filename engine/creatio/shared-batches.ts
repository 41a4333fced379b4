/**
 * One `$batch` for several conversations (reference/creatio-api.md §1.7): while a batch request is
 * in flight, the writes other conversations hand in wait and then go out together as one request
 * (group commit, over HTTP), up to Creatio's 100 requests per batch. Nothing waits when nothing is
 * in flight, so a lone write is never delayed; under load, a conversation's writes cost a share of
 * one request instead of one request each, on both sides. One request at a time merges the most
 * (and measured the lowest latency); but when a whole batch's worth (100 parts) is waiting, one
 * round trip at a time would leave the site idle while the engine reads each answer, so full
 * batches go out side by side, up to `maxInFlight`.
 *
 * Order still holds: the batch is sent without `Prefer: continue-on-error`, so Creatio stops at the
 * first failing part and runs nothing after it. Each conversation hands in one group at a time (the
 * outbox runs a conversation's items strictly in order), so its writes sit together and in order in
 * the shared request. A conversation whose writes came after another's failing part was not run at
 * all: it is told so (`notRun`), and tries again at once without counting a failed attempt.
 */
import type { BatchPartResult, BatchWrite } from './odata-batch';
import { MAX_BATCH_REQUESTS } from './odata-batch';

/** One conversation's answer: its parts' results in order, or that none of them ran (a part before them failed). */
export type SharedBatchAnswer = { results: BatchPartResult[] } | { notRun: true };

export interface SharedBatches {
  /** Sends `writes` (at most 100) in the next shared `$batch`; rejects when that request fails as a whole. */
  send(writes: readonly BatchWrite[]): Promise<SharedBatchAnswer>;
}

interface Entry {
  writes: readonly BatchWrite[];
  resolve: (answer: SharedBatchAnswer) => void;
  reject: (error: unknown) => void;
}

/** `batch` sends one `$batch` request (CreatioClient.batch); `maxInFlight`: most such requests at once when full batches wait (at least 1). */
export function createSharedBatches(batch: (writes: readonly BatchWrite[]) => Promise<BatchPartResult[]>, maxInFlight: number): SharedBatches {
  const limit = Math.max(1, maxInFlight);
  const waiting: Entry[] = [];
  /** Writes in `waiting`, all entries together. */
  let waitingParts = 0;
  let running = 0;

  /** Entries in hand-in order whose writes fit in one request together (one entry at least). */
  function take(): Entry[] {
    const taken = [waiting.shift()!];
    let parts = taken[0]!.writes.length;
    while (waiting.length > 0 && parts + waiting[0]!.writes.length <= MAX_BATCH_REQUESTS) {
      const entry = waiting.shift()!;
      parts += entry.writes.length;
      taken.push(entry);
    }
    waitingParts -= parts;
    return taken;
  }

  /** A request goes out when none is in flight, or when a whole batch waits and fewer than the limit are. */
  function pump(): void {
    while (waiting.length > 0 && (running === 0 || (running < limit && waitingParts >= MAX_BATCH_REQUESTS))) {
      running += 1;
      void run(take()).finally(() => {
        running -= 1;
        pump();
      });
    }
  }

  async function run(entries: Entry[]): Promise<void> {
    let results: BatchPartResult[];
    try {
      results = await batch(entries.flatMap((entry) => entry.writes));
    } catch (error) {
      for (const entry of entries) entry.reject(error);
      return;
    }
    let offset = 0;
    let stopped = false;
    for (const entry of entries) {
      const mine = results.slice(offset, offset + entry.writes.length);
      offset += entry.writes.length;
      // Creatio stopped before these writes (an earlier conversation's part failed): none of them ran.
      if (stopped && mine[0] === undefined) entry.resolve({ notRun: true });
      else entry.resolve({ results: mine });
      stopped ||= mine.some((result) => result === undefined || !result.ok);
    }
  }

  return {
    send(writes) {
      return new Promise<SharedBatchAnswer>((resolve, reject) => {
        waiting.push({ writes, resolve, reject });
        waitingParts += writes.length;
        pump();
      });
    },
  };
}
