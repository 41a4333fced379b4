import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: $batch, JSON form (reference/creatio-api.md §1.7).
let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

function batch(requests: unknown[], prefer?: string) {
  return client.request('$batch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(prefer ? { Prefer: prefer } : {}) },
    body: JSON.stringify({ requests }),
  });
}

const BAD_STATUS = '0b0b0b0b-0000-4000-8000-000000000000';

describe('$batch', () => {
  it('runs every request in order and answers each', async () => {
    const id = 'b0000000-0000-4000-8000-000000000001';
    const reply = await batch([
      { id: '1', method: 'POST', url: 'Case', body: { Id: id, Subject: 'batched' }, headers: { 'Content-Type': 'application/json' } },
      { id: '2', method: 'PATCH', url: `Case(${id})`, body: { Notes: 'patched in batch' } },
      { id: '3', method: 'GET', url: `Case(${id})?$select=Subject,Notes` },
      { id: '4', method: 'GET', url: `${t.url}/0/odata/CaseStatus/$count` },
    ]);
    expect(reply.status).toBe(200);
    const responses = reply.json.responses as { id: string; status: number; body?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(responses.map((r) => [r.id, r.status])).toEqual([['1', 201], ['2', 204], ['3', 200], ['4', 200]]);
    expect(responses[0]!.body.Id).toBe(id);
    expect(responses[2]!.body).toMatchObject({ Subject: 'batched', Notes: 'patched in batch' });
    expect(Number(responses[3]!.body)).toBeGreaterThan(3);
  });

  it('stops at the first failure', async () => {
    const reply = await batch([
      { id: 'a', method: 'POST', url: 'Case', body: { Subject: 'before failure' } },
      { id: 'b', method: 'POST', url: 'Case', body: { Subject: 'bad', StatusId: BAD_STATUS } },
      { id: 'c', method: 'POST', url: 'Case', body: { Subject: 'after failure (skipped)' } },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([['a', 201], ['b', 500]]);
    expect(reply.json.responses[1].body.error.message).toBe('An error has occurred.');
    const skipped = await client.get(`Case/$count?$filter=Subject%20eq%20'after%20failure%20(skipped)'`);
    expect(skipped.text).toBe('0');
  });

  it('goes on after a failure with Prefer: continue-on-error', async () => {
    const reply = await batch([
      { id: 'a', method: 'POST', url: 'Case', body: { Subject: 'x', StatusId: BAD_STATUS } },
      { id: 'b', method: 'GET', url: 'Nope' },
      { id: 'c', method: 'POST', url: 'Case', body: { Subject: 'continued' } },
    ], 'continue-on-error');
    expect(reply.json.responses.map((r: { status: number }) => r.status)).toEqual([500, 404, 201]);
  });

  it('refuses more than 100 requests, running none', async () => {
    const before = (await client.get('Case/$count')).text;
    const requests = Array.from({ length: 101 }, (_, i) => ({ id: String(i), method: 'POST', url: 'Case', body: { Subject: `n${i}` } }));
    const reply = await batch(requests);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toMatch(/100/);
    expect((await client.get('Case/$count')).text).toBe(before);
    const ok = await batch(requests.slice(0, 100).map((r) => ({ ...r, method: 'GET', url: 'CaseStatus/$count', body: undefined })));
    expect(ok.json.responses).toHaveLength(100);
  });

  it('rejects a malformed batch body with 400 naming the problem', async () => {
    const notJson = await client.request('$batch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"requests": [' });
    expect(notJson.status).toBe(400);
    const noMethod = await batch([{ id: '1', url: 'Case' }]);
    expect(noMethod.status).toBe(400);
    expect(noMethod.json.error.message).toMatch(/requests\.0\.method/);
  });

  it('needs authentication', async () => {
    const reply = await fetch(`${t.url}/0/odata/$batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"requests":[]}' });
    expect(reply.status).toBe(401);
  });
});
