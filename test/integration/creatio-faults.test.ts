import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, send, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// The simulator's fault injection (admin API `/__lab/faults`): outages, errors, cut-off replies.
let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

const faults = (body?: unknown, method = 'PUT') =>
  send(`${t.url}/__lab/faults`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

describe('faults', () => {
  it('takes the site down for a while: connections are dropped, then it is back', async () => {
    expect((await faults({ downForMs: 60_000 })).json.down).toBe(true);
    await expect(client.get('CaseStatus/$count')).rejects.toThrow();
    expect((await send(`${t.url}/__lab/health`)).status).toBe(200);
    t.clock.advance(60_001);
    expect((await client.get('CaseStatus/$count')).status).toBe(200);
    expect((await faults(undefined, 'GET')).json.counters.dropped).toBeGreaterThan(0);
  });

  it('answers down with 503 and Retry-After in 503 mode', async () => {
    await faults({ downForMs: 30_000, downMode: '503' });
    const reply = await client.get('CaseStatus/$count');
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('30');
    await faults(undefined, 'DELETE');
  });

  it('fails a share of requests with the chosen status, repeatably from a seed', async () => {
    await faults({ errorRate: 0.5, errorStatus: 429, retryAfterSeconds: 2, seed: 7 });
    const first = [];
    for (let i = 0; i < 20; i++) first.push((await client.get('CaseStatus/$count')).status);
    await faults({ errorRate: 0.5, errorStatus: 429, retryAfterSeconds: 2, seed: 7 });
    const second = [];
    for (let i = 0; i < 20; i++) second.push((await client.get('CaseStatus/$count')).status);
    expect(second).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(200);
    await faults(undefined, 'DELETE');
  });

  it('cuts a reply off after the write was made', async () => {
    await faults({ cutOffRate: 1 });
    const id = 'cafe0000-0000-4000-8000-000000000001';
    await expect(client.post('Case', { Id: id, Subject: 'made, but the reply is lost' })).rejects.toThrow();
    await faults(undefined, 'DELETE');
    expect((await client.get(`Case(${id})`)).json.Subject).toBe('made, but the reply is lost');
    const journal = await send(`${t.url}/__lab/journal?method=POST&path=/0/odata/Case`);
    expect(journal.json.entries[0].fault).toBe('cut off');
  });

  it('rejects a bad fault setting naming the field', async () => {
    const reply = await faults({ errorRate: 2 });
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toMatch(/errorRate/);
  });
});
