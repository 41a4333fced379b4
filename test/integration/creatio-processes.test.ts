import { once } from 'node:events';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedProcessTemplates } from '../../mock-creatio';
import { oauthClient, send, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Business processes of the simulated site (issue 4; reference/creatio-api.md §4, seed-case-sync.md):
// OData writes fire the seed's two processes, which POST to a real HTTP receiver.
const TYPE = { Task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6', Email: 'e2831dec-cfc0-df11-b00f-001d60e938c6', Call: 'e1831dec-cfc0-df11-b00f-001d60e938c6' };
const STATUS = { InProgress: '7e9f1204-f46b-1410-fb9a-0050ba5d6c38', Resolved: 'ae7f411e-f46b-1410-009b-0050ba5d6c38' };
const TOKEN = 'tok-0123456789abcdef0123456789abcdef';

interface Received { method: string; path: string; headers: IncomingMessage['headers']; body: string }

/** A tiny webhook receiver: records what arrives; `hold` keeps answers back until released. */
async function startReceiver() {
  const events = new EventEmitter();
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  let hold = false;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      events.emit('request');
      if (hold) held.push(res);
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    webhookUrl: `${base}/backend/creatio/webhook/${TOKEN}`,
    setHold(value: boolean) {
      hold = value;
      if (!value) for (const res of held.splice(0)) res.writeHead(200).end('{"status":"late"}');
    },
    nextRequest: () => once(events, 'request'),
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

let t: TestSite;
let client: CreatioClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const admin = (path: string, init: RequestInit = {}) =>
  send(`${t.url}/__lab${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
const idle = () => t.site.processes.engine.idle();
const newCase = async (subject = 'Needs help') => (await client.post('Case', { Subject: subject })).json.Id as string;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestSite({ processes: seedProcessTemplates(receiver.webhookUrl) });
  client = await oauthClient(t.url);
});
afterAll(async () => {
  await t.cleanup();
  await receiver.close();
});
beforeEach(async () => {
  await idle();
  receiver.received.length = 0;
});

describe('agent reply process', () => {
  it('fires on an Email activity added to a case, with the seed body and content type', async () => {
    const caseId = await newCase();
    const reply = await client.post('Activity', { Title: 'Re: help', TypeId: TYPE.Email, CaseId: caseId, Body: 'Try this' });
    expect(reply.status).toBe(201);
    await idle();
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.method).toBe('POST');
    expect(got!.path).toBe(`/backend/creatio/webhook/${TOKEN}`);
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.body).toBe(`{"event_type":"new_activity","caseId":"${caseId}"}`);

    const log = (await admin('/process-log?processId=agent-reply&limit=1')).json.entries;
    expect(log[0]).toMatchObject({
      processName: 'Agent reply → helpdesk', status: 'completed', attempts: 1,
      trigger: { entity: 'Activity', event: 'added', recordId: reply.json.Id },
      parameters: { 'Case.Id': caseId },
      request: { method: 'POST', url: expect.stringMatching(/\/webhook\/\*\*\*$/), body: got!.body },
      response: { status: 200, body: '{"status":"ok"}' },
    });
    expect(JSON.stringify(log)).not.toContain(TOKEN);
  });

  it('also fires on a Task, but not on an activity without a case or of another type', async () => {
    const caseId = await newCase();
    await client.post('Activity', { Title: 'no case', TypeId: TYPE.Email });
    await client.post('Activity', { Title: 'a call', TypeId: TYPE.Call, CaseId: caseId });
    const task = (await client.post('Activity', { Title: 'a task', TypeId: TYPE.Task, CaseId: caseId })).json.Id;
    await idle();
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([{ event_type: 'new_activity', caseId }]);
    // The filter, not a failed run, kept the others out: only the task has a log entry.
    const log = (await admin('/process-log?processId=agent-reply&limit=3')).json.entries;
    expect(log.at(-1).trigger.recordId).toBe(task);
    expect(log.at(-2).trigger.recordId).not.toBe(task);
    expect(log.filter((e: { status: string }) => e.status === 'error')).toEqual([]);
  });

  it('runs in commit order, after the writes, for concurrent writes', async () => {
    const cases = await Promise.all(Array.from({ length: 8 }, (_, i) => newCase(`order ${i}`)));
    await Promise.all(cases.map((caseId) => client.post('Activity', { Title: 'reply', TypeId: TYPE.Email, CaseId: caseId })));
    await idle();
    const entries = (await admin('/process-log?processId=agent-reply&limit=8')).json.entries as { trigger: { commitSequence: number }; parameters: Record<string, string> }[];
    const sequences = entries.map((e) => e.trigger.commitSequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(receiver.received.map((r) => JSON.parse(r.body).caseId)).toEqual(entries.map((e) => e.parameters['Case.Id']));
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(8);
  });

  it('sends nothing while the process is disabled', async () => {
    expect((await admin('/processes/agent-reply/disable', { method: 'POST' })).json.active).toBe(false);
    await client.post('Activity', { Title: 'reply', TypeId: TYPE.Email, CaseId: await newCase() });
    await idle();
    expect(receiver.received).toEqual([]);
    expect((await admin('/processes/agent-reply/enable', { method: 'POST' })).json.active).toBe(true);
  });

  it('does not hold up the write that fired it while the receiver hangs', async () => {
    receiver.setHold(true);
    try {
      const caseId = await newCase();
      const arrived = receiver.nextRequest();
      const reply = await client.post('Activity', { Title: 'reply', TypeId: TYPE.Email, CaseId: caseId });
      expect(reply.status).toBe(201);
      await arrived;
      const log = (await admin('/process-log?processId=agent-reply&limit=1')).json.entries;
      expect(log[0].trigger.recordId).not.toBe(reply.json.Id);
    } finally {
      receiver.setHold(false);
    }
    await idle();
  });
});

describe('case closure process', () => {
  it('fires when the case status changes to Resolved, not on other modifications', async () => {
    const caseId = await newCase();
    await client.patch(`Case(${caseId})`, { StatusId: STATUS.InProgress });
    await client.patch(`Case(${caseId})`, { Subject: 'renamed' });
    await idle();
    expect(receiver.received).toEqual([]);
    expect((await client.patch(`Case(${caseId})`, { StatusId: STATUS.Resolved })).status).toBe(204);
    await client.patch(`Case(${caseId})`, { Subject: 'renamed again while resolved' });
    await idle();
    expect(receiver.received.map((r) => r.body)).toEqual([`{"event_type":"case_closed","caseId":"${caseId}"}`]);
  });
});

describe('failed runs', () => {
  it('logs an unresolvable reference as an error and sends nothing', async () => {
    const created = await admin('/processes', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Orphans', signal: { entity: 'Activity', event: 'added', filter: { logic: 'and', conditions: [{ column: 'Title', op: 'contains', value: 'orphan' }] } },
        callWebService: { url: receiver.webhookUrl, body: '{"event_type":"new_activity","caseId":"[#Case.Id#]"}' },
      }),
    });
    expect(created.status).toBe(201);
    await client.post('Activity', { Title: 'an orphan', TypeId: TYPE.Email });
    await idle();
    expect(receiver.received).toEqual([]);
    const [entry] = (await admin(`/process-log?processId=${created.json.id}`)).json.entries;
    expect(entry).toMatchObject({ status: 'error', attempts: 0, error: expect.stringContaining('Activity.CaseId is empty') });
    expect(entry.request).toBeUndefined();
    expect((await admin(`/processes/${created.json.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('logs the error when the receiver is down', async () => {
    const down = await startReceiver();
    await down.close();
    const created = await admin('/processes', { method: 'POST', body: JSON.stringify({ template: 'case-closure', url: down.webhookUrl }) });
    expect(created.status).toBe(201);
    const entry = (await admin(`/processes/${created.json.id}/fire`, { method: 'POST', body: JSON.stringify({ recordId: await newCase() }) })).json;
    expect(entry).toMatchObject({ status: 'error', attempts: 1, trigger: { event: 'manual' } });
    expect(entry.error).toMatch(/ECONNREFUSED/);
    expect(entry.response).toBeUndefined();
    await admin(`/processes/${created.json.id}`, { method: 'DELETE' });
  });
});

describe('admin API', () => {
  it('fires a process by hand against a chosen record', async () => {
    const caseId = await newCase();
    const entry = (await admin('/processes/case-closure/fire', { method: 'POST', body: JSON.stringify({ recordId: caseId }) })).json;
    expect(entry).toMatchObject({ status: 'completed', trigger: { entity: 'Case', event: 'manual', recordId: caseId } });
    expect(receiver.received.map((r) => r.body)).toEqual([`{"event_type":"case_closed","caseId":"${caseId}"}`]);
    expect((await admin('/processes/case-closure/fire', { method: 'POST', body: JSON.stringify({ recordId: '00000000-0000-4000-8000-00000000dead' }) })).status).toBe(404);
  });

  it('lists processes with the token redacted and warnings, and keeps the token on a round trip', async () => {
    const list = (await admin('/processes')).json.processes;
    expect(list.map((p: { id: string }) => p.id)).toEqual(['agent-reply', 'case-closure']);
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    expect(list[0].warnings[0].message).toMatch(/echo traffic/);
    const shown = (await admin('/processes/case-closure')).json;
    const { id: _id, warnings: _w, ...input } = shown;
    const put = await admin('/processes/case-closure', { method: 'PUT', body: JSON.stringify({ ...input, name: 'Closure (edited)' }) });
    expect(put.status).toBe(200);
    expect(t.site.processes.registry.get('case-closure').callWebService.url).toBe(receiver.webhookUrl);
    expect(t.site.processes.registry.get('case-closure').name).toBe('Closure (edited)');
  });

  it('refuses a bad process with 400 listing each problem with its path', async () => {
    const bad = await admin('/processes', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Bad', signal: { entity: 'Activity', event: 'added', filter: { logic: 'and', conditions: [{ column: 'Kind', op: 'eq', value: 1 }] } },
        callWebService: { url: 'nope', contentType: 'text/plain', body: '{"event_type":"hello","caseId":"[#Case.Id#]"}' },
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('PROCESS_CHECK_FAILED');
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'signal.filter.conditions.0.column', 'callWebService.url', 'callWebService.contentType', 'callWebService.body.event_type',
    ]);
    expect((await admin('/processes/nope')).status).toBe(404);
    expect((await admin('/processes', { method: 'POST', body: '{"name":1}' })).json.error.code).toBe('PROCESS_CHECK_FAILED');
  });

  it('keeps processes in the workspace across a restart', async () => {
    await admin('/processes/agent-reply/disable', { method: 'POST' });
    await t.restart();
    client = await oauthClient(t.url);
    const list = (await admin('/processes')).json.processes;
    expect(list.find((p: { id: string }) => p.id === 'agent-reply').active).toBe(false);
    await admin('/processes/agent-reply/enable', { method: 'POST' });
  });
});
