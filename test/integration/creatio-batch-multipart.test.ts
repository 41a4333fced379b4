import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';
import { buildMultipartBatch, parseMultipartResponse, statuses, type BatchItemSpec, type ParsedResponse } from '../support/multipart-batch';

// Conformance: $batch, multipart/mixed form (reference/creatio-api.md §1.7; OData 4.0 Part 1 §11.7).
let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

function post(contentType: string, body: string, prefer?: string) {
  return client.request('$batch', { method: 'POST', headers: { 'Content-Type': contentType, ...(prefer ? { Prefer: prefer } : {}) }, body });
}

async function batch(items: BatchItemSpec[], prefer?: string) {
  const { contentType, body } = buildMultipartBatch(items);
  const reply = await post(contentType, body, prefer);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_[\w-]+$/);
  return parseMultipartResponse(reply.headers.get('content-type')!, reply.text);
}

const countOf = async (subject: string) => (await client.get(`Case/$count?$filter=Subject%20eq%20'${encodeURIComponent(subject)}'`)).text;
const BAD_STATUS = '0b0b0b0b-0000-4000-8000-000000000000';

describe('$batch multipart/mixed', () => {
  it('runs GET, POST and PATCH with a change set, answering each in order', async () => {
    const id = 'b1000000-0000-4000-8000-000000000001';
    const items = await batch([
      { method: 'GET', url: 'CaseStatus/$count' },
      { changeset: [
        { method: 'POST', url: 'Case', contentId: '1', body: { Id: id, Subject: 'multipart batched' } },
        { method: 'PATCH', url: `/0/odata/Case(${id})`, contentId: '2', body: { Notes: 'patched in a change set' } },
      ] },
      { method: 'GET', url: `${t.url}/0/odata/Case(${id})?$select=Subject,Notes` },
    ]);
    expect(statuses(items)).toEqual([200, [201, 204], 200]);
    const [count, changeset, read] = items as [ParsedResponse, { changeset: ParsedResponse[] }, ParsedResponse];
    expect(Number(count.body)).toBeGreaterThan(3);
    expect(changeset.changeset.map((r) => r.contentId)).toEqual(['1', '2']);
    expect(changeset.changeset[0]!.json.Id).toBe(id);
    expect(changeset.changeset[0]!.headers.location).toMatch(new RegExp(`/0/odata/Case\\(${id}\\)$`));
    expect(read.json).toMatchObject({ Subject: 'multipart batched', Notes: 'patched in a change set' });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
  });

  it('stops at the first failure', async () => {
    const items = await batch([
      { method: 'POST', url: 'Case', body: { Subject: 'mp before failure' } },
      { method: 'POST', url: 'Case', body: { Subject: 'mp bad', StatusId: BAD_STATUS } },
      { method: 'POST', url: 'Case', body: { Subject: 'mp after failure (skipped)' } },
    ]);
    expect(statuses(items)).toEqual([201, 500]);
    expect((items[1] as ParsedResponse).json.error.message).toBe('An error has occurred.');
    expect(await countOf('mp after failure (skipped)')).toBe('0');
  });

  it('answers a failing change set with the failing response alone; earlier writes stay (not transactional)', async () => {
    const items = await batch([
      { changeset: [
        { method: 'POST', url: 'Case', contentId: 'a', body: { Subject: 'mp changeset kept' } },
        { method: 'POST', url: 'Case', contentId: 'b', body: { Subject: 'x', StatusId: BAD_STATUS } },
        { method: 'POST', url: 'Case', contentId: 'c', body: { Subject: 'mp changeset skipped' } },
      ] },
      { method: 'GET', url: 'CaseStatus/$count' },
    ]);
    expect(statuses(items)).toEqual([500]);
    expect((items[0] as ParsedResponse).contentId).toBe('b');
    expect(await countOf('mp changeset kept')).toBe('1');
    expect(await countOf('mp changeset skipped')).toBe('0');
  });

  it('goes on after failures with Prefer: continue-on-error', async () => {
    const items = await batch([
      { method: 'POST', url: 'Case', body: { Subject: 'x', StatusId: BAD_STATUS } },
      { method: 'GET', url: 'Nope' },
      { method: 'GET', url: '$1/Subject', contentId: '9' },
      { method: 'POST', url: 'Case', body: 'not json', headers: { 'Content-Type': 'text/plain' } },
      { changeset: [{ method: 'POST', url: 'Case', body: { Subject: 'mp continued' } }] },
    ], 'continue-on-error');
    expect(statuses(items)).toEqual([500, 404, 400, 415, [201]]);
    expect((items[2] as ParsedResponse).json.error.message).toMatch(/'\$1\/Subject'.*not supported/);
    expect(await countOf('mp continued')).toBe('1');
  });

  it('refuses more than 100 requests (change set members count), running none', async () => {
    const before = (await client.get('Case/$count')).text;
    const posts = Array.from({ length: 60 }, (_, i) => ({ method: 'POST', url: 'Case', body: { Subject: `mp n${i}` } }));
    const { contentType, body } = buildMultipartBatch([...posts.slice(0, 50), { changeset: posts.slice(50) }, ...posts.slice(0, 41)]);
    const reply = await post(contentType, body);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toMatch(/101 requests.*100/);
    expect((await client.get('Case/$count')).text).toBe(before);
    const items = await batch(Array.from({ length: 100 }, () => ({ method: 'GET', url: 'CaseStatus/$count' })));
    expect(items).toHaveLength(100);
  });

  it('rejects malformed bodies with 400 naming what and where, running nothing', async () => {
    const before = (await client.get('Case/$count')).text;
    const good = buildMultipartBatch([{ method: 'POST', url: 'Case', body: { Subject: 'mp malformed' } }, { method: 'GET', url: 'Case' }]);
    const cases: [string, string, RegExp][] = [
      ['multipart/mixed', good.body, /boundary/],
      [good.contentType, '', /no delimiter line '--batch_test'/],
      [good.contentType, good.body.replace('--batch_test--\r\n', ''), /not terminated/],
      [good.contentType, good.body.replace('GET Case HTTP/1.1', 'GET Case'), /part 2: the request line 'GET Case'/],
      [good.contentType, good.body.replace('GET Case HTTP/1.1', 'FETCH  HTTP/1.1'), /part 2: the request line/],
      [good.contentType, good.body.replace('Content-Type: application/http', 'Content-Type: text/plain'), /part 1: .*'text\/plain'/],
      [good.contentType, good.body.replace('Content-Transfer-Encoding: binary', 'Content-Transfer-Encoding: base64'), /part 1: .*binary.*'base64'/],
      [good.contentType, buildMultipartBatch([{ changeset: [{ method: 'GET', url: 'Case' }] }]).body, /part 1\.1: the method 'GET' is not allowed in a change set/],
    ];
    for (const [contentType, body, message] of cases) {
      const reply = await post(contentType, body);
      expect(reply.status, `${message}: ${reply.text}`).toBe(400);
      expect(reply.json.error.message).toMatch(message);
    }
    expect((await client.get('Case/$count')).text).toBe(before);
  });

  it('never answers 500 to a mangled body', async () => {
    const { contentType, body } = buildMultipartBatch([
      { method: 'GET', url: 'CaseStatus?$top=1' },
      { changeset: [{ method: 'PATCH', url: 'Case(00000000-0000-0000-0000-000000000001)', contentId: '1', body: { Notes: 'n' } }] },
    ]);
    for (let cut = 0; cut < body.length; cut += 7) {
      const reply = await post(contentType, body.slice(0, cut) + body.slice(cut + 5));
      expect([200, 400], `cut at ${cut}: ${reply.text}`).toContain(reply.status);
    }
  });

  it('needs authentication', async () => {
    const { contentType, body } = buildMultipartBatch([{ method: 'GET', url: 'Case' }]);
    const reply = await fetch(`${t.url}/0/odata/$batch`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    expect(reply.status).toBe(401);
  });
});
