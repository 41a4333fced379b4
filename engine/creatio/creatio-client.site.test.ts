/**
 * The Creatio client against the real simulated site over HTTP (port 0). The admin API (`/__lab/`) is
 * used here only by the test, to cause what a real site does on its own (sessions ending, tokens
 * revoked); the client itself never touches it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestSite, startTestSite } from '../../test/support/creatio-site';
import { EngineError } from '../engine-error';
import type { Fetch } from '../ports';
import type { CreatioAuth } from '../settings';
import { createCreatioClient, odataString } from './creatio-client';
import { createManualClock } from './test-clock';

const OAUTH: CreatioAuth = { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' };
const FORMS: CreatioAuth = { kind: 'forms', userName: 'Supervisor', password: 'Supervisor' };
/** CasePriority "High" (reference §3.3). */
const PRIORITY_HIGH = '8b700f24-f46b-1410-ee8c-0050ba5d6c38';

interface Sent { method: string; url: string; status: number; location: string | null; type: string | null }

function setup(t: TestSite, auth: CreatioAuth) {
  const sent: Sent[] = [];
  const recording: Fetch = async (input, init) => {
    const response = await fetch(input, init);
    sent.push({
      method: init?.method ?? 'GET', url: input, status: response.status,
      location: response.headers.get('location'), type: response.headers.get('content-type'),
    });
    return response;
  };
  const clock = createManualClock(t.clock);
  const client = createCreatioClient({ instanceUrl: t.url, auth, fetch: recording, clock, timeoutMs: 30_000 });
  const signIns = () => sent.filter((s) => /\/connect\/token$|\/AuthService\.svc\/Login$/.test(s.url)).length;
  return { client, clock, sent, signIns };
}

async function admin(t: TestSite, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${t.url}/__lab${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} /__lab${path}`).toBeLessThan(300);
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

let nextId = 1;
const newId = () => `0c5e0000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;

const SHAPES = [
  { name: '401 JSON', settings: { expiredSessionResponse: 'json401' }, seen: (s: Sent) => s.status === 401 },
  { name: '403', settings: { expiredSessionResponse: 'forbidden403' }, seen: (s: Sent) => s.status === 403 },
  {
    name: 'login page as a 302',
    settings: { expiredSessionResponse: 'loginPage', loginPageMode: 'redirect302' },
    seen: (s: Sent) => s.status === 302 && /NuiLogin/.test(s.location ?? ''),
  },
  {
    name: 'login page as 200 HTML',
    settings: { expiredSessionResponse: 'loginPage', loginPageMode: 'html200' },
    seen: (s: Sent) => s.status === 200 && /html/.test(s.type ?? ''),
  },
] as const;

describe.each([
  { kind: 'OAuth', auth: OAUTH, expire: '/auth/revoke-tokens' },
  { kind: 'forms', auth: FORMS, expire: '/auth/expire-sessions' },
])('Creatio client with $kind sign-in, against the simulated site', ({ auth, expire }) => {
  let t: TestSite;
  beforeAll(async () => {
    t = await startTestSite();
  });
  afterAll(async () => {
    await t.cleanup();
  });
  beforeEach(async () => {
    await admin(t, 'PATCH', '/settings', { expiredSessionResponse: 'json401', loginPageMode: 'redirect302' });
  });

  it('inserts, reads, queries and updates a case, and reads lookup targets from $metadata', async () => {
    const { client } = setup(t, auth);
    const id = newId();
    const created = await client.insert('Case', { Id: id, Subject: "Printer won't print", PriorityId: PRIORITY_HIGH });
    expect(created).toMatchObject({ Id: id, Subject: "Printer won't print", PriorityId: PRIORITY_HIGH });
    expect(created.Number).toMatch(/^SR\d{8}$/);

    const found = await client.query('Case', { filter: `Subject eq ${odataString("Printer won't print")}`, select: ['Id', 'Subject'], top: 5 });
    expect(found).toEqual([expect.objectContaining({ Id: id, Subject: "Printer won't print" })]);

    await client.update('Case', id, { Subject: 'Printer fixed & happy' });
    const read = await client.get('Case', id, ['Id', 'Subject', 'PriorityId']);
    expect(read).toMatchObject({ Id: id, Subject: 'Printer fixed & happy', PriorityId: PRIORITY_HIGH });
    expect(read).not.toHaveProperty('Symptoms');

    const expanded = await client.query('Case', {
      filter: `Id eq ${id}`, select: ['Id'], expand: 'Priority($select=Name)', orderby: 'CreatedOn desc', top: 1,
    });
    expect(expanded).toEqual([expect.objectContaining({ Id: id, Priority: expect.objectContaining({ Name: expect.any(String) }) })]);

    expect(await client.get('Case', newId())).toBeUndefined();
    expect(await client.lookupTarget('Case', 'PriorityId')).toBe('CasePriority');
    expect(await client.lookupTarget('Activity', 'CaseId')).toBe('Case');
    expect(await client.lookupTarget('Case', 'Subject')).toBeUndefined();
    expect(await client.lookupTarget('NoSuchEntity', 'PriorityId')).toBeUndefined();
  });

  it('reports a second insert with the same Id as CREATIO_DUPLICATE (the idempotency signal)', async () => {
    const { client } = setup(t, auth);
    const id = newId();
    await client.insert('Case', { Id: id, Subject: 'first' });
    const error = await failure(client.insert('Case', { Id: id, Subject: 'retry after a lost reply' }));
    expect(error.code).toBe('CREATIO_DUPLICATE');
    expect(error.details).toMatchObject({ method: 'POST', path: '/0/odata/Case', status: 500 });
  });

  it('names Creatio\'s complaint about a bad request', async () => {
    const { client } = setup(t, auth);
    const error = await failure(client.query('Case', { select: ['NoSuchColumn'] }));
    expect(error.code).toBe('CREATIO_BAD_REQUEST');
    expect(error.message).toContain("Could not find a property named 'NoSuchColumn'");
  });

  it.each(SHAPES)('signs in again once when the session ends ($name) and the call succeeds', async (shape) => {
    await admin(t, 'PATCH', '/settings', shape.settings);
    const { client, sent, signIns } = setup(t, auth);
    await client.ping();
    expect(signIns()).toBe(1);
    await admin(t, 'POST', expire);

    const rows = await client.query('Case', { select: ['Id'], top: 1 });
    expect(Array.isArray(rows)).toBe(true);
    expect(signIns()).toBe(2);
    expect(sent.filter((s) => shape.seen(s) && s.url.includes('/0/odata/'))).toHaveLength(1);
  });

  it('shares one new sign-in among ten calls that all find the session ended', async () => {
    const { client, signIns } = setup(t, auth);
    await client.ping();
    await admin(t, 'POST', expire);
    await Promise.all(Array.from({ length: 10 }, () => client.query('Case', { select: ['Id'], top: 1 })));
    expect(signIns()).toBe(2);
  });
});

describe('Creatio client against the simulated site: credentials and token lifetime', () => {
  let t: TestSite;
  beforeAll(async () => {
    t = await startTestSite();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('fails with CREATIO_AUTH_FAILED on a wrong client secret, without revealing it', async () => {
    const secret = 'wrong-secret-value-123';
    const { client } = setup(t, { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: secret });
    const error = await failure(client.ping());
    expect(error.code).toBe('CREATIO_AUTH_FAILED');
    expect(error.message).toContain('case-sync-lab');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(secret);
  });

  it('fails with CREATIO_AUTH_FAILED on a wrong password, without revealing it', async () => {
    const password = 'not-the-password-42';
    const { client } = setup(t, { kind: 'forms', userName: 'Supervisor', password });
    const error = await failure(client.get('Case', newId()));
    expect(error.code).toBe('CREATIO_AUTH_FAILED');
    expect(error.message).toContain('Supervisor');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(password);
  });

  it('renews the token before it expires (60 s early at most), never sending an expired one', async () => {
    await admin(t, 'PATCH', '/settings', { tokenLifetimeSeconds: 600 });
    const { client, clock, sent, signIns } = setup(t, OAUTH);
    await client.ping();
    clock.advance(530_000);
    await client.ping();
    expect(signIns()).toBe(1);
    clock.advance(15_000); // 55 s left of 600: inside the 60 s margin (10% would be 60 s too)
    await client.ping();
    expect(signIns()).toBe(2);
    expect(sent.filter((s) => s.status === 401)).toEqual([]);
  });

  it('fails with CREATIO_UNREACHABLE when nothing listens any more', async () => {
    const gone = await startTestSite();
    const { client } = setup(gone, OAUTH);
    await gone.cleanup();
    const error = await failure(client.ping());
    expect(error.code).toBe('CREATIO_UNREACHABLE');
  });
});
