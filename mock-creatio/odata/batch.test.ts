/**
 * A JSON `$batch` waits once for its parts' durability (batch.ts, durableOnce): each part runs as
 * soon as the one before it is applied, and the batch answers only when all of them are durable.
 * Over HTTP, against the real store: test/integration/creatio-batch.test.ts.
 */
import { expect, it } from 'vitest';
import { runJsonBatch } from './batch';
import type { ODataRequest, ODataResponse, ODataService } from './odata-service';

/** A service whose writes hand their durability to the batch, to be settled by hand. */
function serviceWithManualDurability() {
  const durability: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const ran: string[] = [];
  const service: ODataService = {
    async handle(req: ODataRequest): Promise<ODataResponse> {
      ran.push(req.path);
      const durable = new Promise<void>((resolve, reject) => durability.push({ resolve, reject }));
      if (!req.deferDurable) throw new Error('a batch part must hand its durability to the batch');
      req.deferDurable(durable);
      return { status: 201, headers: {}, json: { Id: req.path } };
    },
  };
  return { service, durability, ran };
}

const body = JSON.stringify({ requests: ['A', 'B', 'C'].map((title, n) => ({ id: String(n + 1), method: 'POST', url: 'Activity', body: { Title: title } })) });
const outer = { userContactId: 'u', serviceRoot: 'http://127.0.0.1:1/0/odata', body };

it('runs every part without waiting for its durability, and answers once all of it is durable', async () => {
  const { service, durability, ran } = serviceWithManualDurability();
  let answered = false;
  const answer = runJsonBatch(service, outer).then((response) => {
    answered = true;
    return response;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(ran).toEqual(['Activity', 'Activity', 'Activity']);
  expect(answered).toBe(false);
  durability[2]!.resolve();
  durability[0]!.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  expect(answered).toBe(false);
  durability[1]!.resolve();
  const response = await answer;
  expect(JSON.parse(response.jsonText!).responses.map((r: { status: number }) => r.status)).toEqual([201, 201, 201]);
});

it('a part whose durability fails fails the whole batch (the client sends it again)', async () => {
  const { service, durability } = serviceWithManualDurability();
  const answer = runJsonBatch(service, outer);
  await new Promise((resolve) => setImmediate(resolve));
  durability[0]!.resolve();
  durability[1]!.reject(new Error('disk full'));
  durability[2]!.resolve();
  await expect(answer).rejects.toThrow('disk full');
});
