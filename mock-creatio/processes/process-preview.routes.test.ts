import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CASE } from '../schema/seed';
import { startMockCreatio, type MockCreatio } from '../server';
import { caseClosureTemplate } from './templates';

let site: MockCreatio;
let receiver: Server;
let workspace: string;
let receiverUrl: string;
const received: { url: string; body: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'csl-preview-'));
  site = await startMockCreatio({ workspace, durability: 'none' });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/backend/creatio/webhook/s3cr3t-t0ken`;
});
afterAll(async () => {
  await site.close();
  await new Promise((done) => receiver.close(done));
  await rm(workspace, { recursive: true, force: true });
});

async function post(path: string, body: unknown) {
  const res = await fetch(`${site.url}/__lab${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const caseProcess = () => {
  const { id: _id, ...process } = caseClosureTemplate(receiverUrl);
  return {
    ...process,
    name: 'Preview test',
    callWebService: {
      ...process.callWebService,
      headers: { 'X-Api-Key': 'k3y-value' },
      body: '{"event_type":"case_closed","caseId":"[#Case.Id#]","subject":"[#Subject#]","status":"[#Status.Name#]"}',
    },
  };
};

describe('POST /__lab/processes/preview', () => {
  it('renders exactly the request a run sends, secrets redacted, without sending it', async () => {
    const created = await post('/processes', caseProcess());
    expect(created.status).toBe(201);
    const preview = await post('/processes/preview', { process: caseProcess(), recordId: SEED_CASE.PortalLogin.toUpperCase() });
    expect(preview.status).toBe(200);
    expect(received).toHaveLength(0);

    const fired = await post(`/processes/${String(created.json.id)}/fire`, { recordId: SEED_CASE.PortalLogin });
    expect(fired.json.status).toBe('completed');
    expect(received).toHaveLength(1);
    expect(preview.json.request).toEqual(fired.json.request);
    expect(preview.json.parameters).toEqual(fired.json.parameters);
    expect(JSON.parse(received[0]!.body)).toEqual(JSON.parse((preview.json.request as { body: string }).body));
    expect(preview.json).toMatchObject({
      record: { entity: 'Case', id: SEED_CASE.PortalLogin },
      // The seed case is In progress: the filter (Status = Resolved) does not pass it.
      filterMatches: false,
      checks: { errors: [], warnings: [] },
      request: { url: expect.stringMatching(/\/webhook\/\*\*\*$/), headers: { 'X-Api-Key': '***', 'Content-Type': 'application/json' } },
    });
    expect(JSON.stringify(preview.json)).not.toMatch(/s3cr3t|k3y-value/);
    expect(preview.json.error).toBeUndefined();
  });

  it('says why nothing would be sent: a failed check, or a reference that resolves to nothing', async () => {
    const badType = { ...caseProcess(), callWebService: { ...caseProcess().callWebService, body: '{"event_type":"nope","caseId":"[#Case.Id#]"}' } };
    const checked = await post('/processes/preview', { process: badType, recordId: SEED_CASE.PortalLogin });
    expect(checked.json.error).toMatch(/^process check failed: callWebService\.body\.event_type/);
    expect((checked.json.checks as { errors: unknown[] }).errors).toHaveLength(1);

    // The invoice case has no owner.
    const emptyLookup = { ...caseProcess(), callWebService: { ...caseProcess().callWebService, body: '{"event_type":"case_closed","caseId":"[#Case.Id#]","o":"[#Owner.Name#]"}' } };
    const unresolved = await post('/processes/preview', { process: emptyLookup, recordId: SEED_CASE.InvoiceCopy });
    expect(unresolved.json.error).toMatch(/^parameters did not resolve, nothing sent: \[#Owner\.Name#\]/);
    expect(unresolved.json.request).toBeUndefined();
  });

  it('answers 404 for a record that does not exist and 400 naming a bad field', async () => {
    const missing = await post('/processes/preview', { process: caseProcess(), recordId: '00000000-0000-4000-8000-00000000abcd' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await post('/processes/preview', { process: { ...caseProcess(), signal: { entity: 'Case', event: 'touched' } }, recordId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^body\.process\.signal\.event: /) } });
    const checksOnly = await post('/processes/preview', { process: caseProcess() });
    expect(checksOnly.json).toEqual({ checks: { errors: [], warnings: [] }, parameters: {} });
    const unknown = await post('/processes/preview', { process: { ...caseProcess(), signal: { entity: 'Nope', event: 'added' } }, recordId: 'x' });
    expect(unknown.json).toMatchObject({ error: { message: "body.process.signal.entity: unknown object 'Nope'" } });
  });
});
