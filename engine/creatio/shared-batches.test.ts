/**
 * Shared `$batch` requests (shared-batches.ts) over a recording batch function: what goes out
 * together, the 100-request limit, and who is told "not run". The same against the real site:
 * engine/sync/creatio-writer.site.test.ts.
 */
import { expect, it } from 'vitest';
import { EngineError } from '../engine-error';
import type { BatchPartResult, BatchWrite } from './odata-batch';
import { createSharedBatches } from './shared-batches';

const write = (n: number): BatchWrite => ({ method: 'POST', entity: 'Activity', body: { Title: `w${n}` } });
const writes = (from: number, count: number) => Array.from({ length: count }, (_, i) => write(from + i));
const ok: BatchPartResult = { ok: true, status: 201 };
const failed: BatchPartResult = { ok: false, error: new EngineError('CREATIO_NOT_FOUND', 'no such case') };

/** One turn of the event loop: the promise chains of an answer settle (a turn, not a time). */
const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A batch function whose requests are answered by hand, in the order they were sent. */
function manualSite() {
  const requests: { titles: unknown[]; answer: (results: BatchPartResult[]) => void; fail: (error: unknown) => void }[] = [];
  const batch = (sent: readonly BatchWrite[]) => new Promise<BatchPartResult[]>((resolve, reject) => {
    requests.push({ titles: sent.map((w) => w.body.Title), answer: resolve, fail: reject });
  });
  return { requests, batch };
}

it('a lone send goes out at once; sends meanwhile wait and then go out together', async () => {
  const site = manualSite();
  const shared = createSharedBatches(site.batch, 1);
  const first = shared.send(writes(1, 2));
  expect(site.requests.map((r) => r.titles)).toEqual([['w1', 'w2']]);
  const second = shared.send(writes(3, 1));
  const third = shared.send(writes(4, 2));
  expect(site.requests).toHaveLength(1);
  site.requests[0]!.answer([ok, ok]);
  expect(await first).toEqual({ results: [ok, ok] });
  await Promise.resolve();
  expect(site.requests.map((r) => r.titles)[1]).toEqual(['w3', 'w4', 'w5']);
  site.requests[1]!.answer([ok, ok, ok]);
  expect(await second).toEqual({ results: [ok] });
  expect(await third).toEqual({ results: [ok, ok] });
});

it('a second request goes out beside the first only when a whole batch (100 parts) waits, up to `maxInFlight`', () => {
  const site = manualSite();
  const shared = createSharedBatches(site.batch, 2);
  void shared.send(writes(1, 1));
  void shared.send(writes(2, 60));
  expect(site.requests.map((r) => r.titles.length)).toEqual([1]);
  void shared.send(writes(100, 40)); // 100 parts wait now: a full batch goes out beside the first
  expect(site.requests.map((r) => r.titles.length)).toEqual([1, 100]);
  void shared.send(writes(200, 100));
  expect(site.requests).toHaveLength(2); // two in flight: the limit
});

it('never more than 100 requests in one $batch: a send that does not fit waits for the next request, in order', async () => {
  const site = manualSite();
  const shared = createSharedBatches(site.batch, 1);
  void shared.send(writes(0, 1));
  void shared.send(writes(100, 60));
  void shared.send(writes(200, 50));
  void shared.send(writes(300, 40));
  site.requests[0]!.answer([ok]);
  await aTurn();
  // 60 + 50 would be 110: the 50 waits (and the 40 behind it, though it would fit: order is kept)
  expect(site.requests.map((r) => r.titles.length)).toEqual([1, 60]);
  site.requests[1]!.answer(Array.from({ length: 60 }, () => ok));
  await aTurn();
  expect(site.requests.map((r) => r.titles.length)).toEqual([1, 60, 90]);
  expect(site.requests[2]!.titles[0]).toBe('w200');
  expect(site.requests[2]!.titles[50]).toBe('w300');
});

it('behind a failing part, the sends whose parts got no answer were not run; parts a site ran anyway keep their answers', async () => {
  const site = manualSite();
  const shared = createSharedBatches(site.batch, 1);
  void shared.send(writes(0, 1));
  const a = shared.send(writes(1, 2));
  const b = shared.send(writes(3, 2));
  const c = shared.send(writes(5, 1));
  site.requests[0]!.answer([ok]);
  await aTurn();
  // a's second part fails: Creatio stops, b gets no answer at all; c (as from a site that went on) has one
  site.requests[1]!.answer([ok, failed, undefined, undefined, ok]);
  expect(await a).toEqual({ results: [ok, failed] });
  expect(await b).toEqual({ notRun: true });
  expect(await c).toEqual({ results: [ok] });
});

it('a request that fails as a whole fails every send in it, and the next request still goes out', async () => {
  const site = manualSite();
  const shared = createSharedBatches(site.batch, 1);
  void shared.send(writes(0, 1));
  const a = shared.send(writes(1, 1));
  const b = shared.send(writes(2, 1));
  site.requests[0]!.answer([ok]);
  await aTurn();
  const down = new EngineError('CREATIO_UNAVAILABLE', 'HTTP 503');
  site.requests[1]!.fail(down);
  await expect(a).rejects.toBe(down);
  await expect(b).rejects.toBe(down);
  const later = shared.send(writes(3, 1));
  expect(site.requests).toHaveLength(3);
  site.requests[2]!.answer([ok]);
  expect(await later).toEqual({ results: [ok] });
});
