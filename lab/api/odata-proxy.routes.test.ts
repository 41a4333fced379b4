/** The OData proxy on a real lab: reads and writes as Supervisor, passes the site's answers through, never leaks the session. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../lab.types';
import { startLab } from '../start-lab';

const TASK_TYPE = 'fbe0acdc-cfc0-df11-b00f-001d60e938c6';
const SUPERVISOR_CONTACT = '410006e1-ca4e-4502-a9ec-e54d922d2c00';

let lab: Lab;
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'csl-odata-proxy-'));
  lab = await startLab({ workspace, durability: 'none', seed: 3 });
});
afterAll(async () => {
  await lab?.close();
  await rm(workspace, { recursive: true, force: true });
});

async function call(path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const response = await fetch(`${lab.urls.api}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? lab.token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

describe('/api/creatio/odata/*', () => {
  it('reads a collection with its query string, and sends no session cookie to the browser', async () => {
    const answer = await call('/creatio/odata/Case?$select=Number,Subject&$expand=Status($select=Name)&$top=2');
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(2);
    expect(answer.body.value[0].Number).toMatch(/^SR\d{8}$/);
    expect(answer.body.value[0].Status.Name).toEqual(expect.any(String));
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.text).not.toMatch(/BPMCSRF|ASPXAUTH/);
  });

  it('writes as Supervisor: POST 201 with the record, PATCH 204, then the change reads back', async () => {
    const [first] = (await call('/creatio/odata/Case?$select=Id&$top=1')).body.value;
    const created = await call('/creatio/odata/Activity', { method: 'POST', json: { Title: 'Re: test', Body: 'Hello', TypeId: TASK_TYPE, CaseId: first.Id } });
    expect(created.status).toBe(201);
    expect(created.body.AuthorId).toBe(SUPERVISOR_CONTACT);
    const patched = await call(`/creatio/odata/Activity(${created.body.Id})`, { method: 'PATCH', json: { Title: 'Re: edited' } });
    expect(patched.status).toBe(204);
    expect((await call(`/creatio/odata/Activity(${created.body.Id})?$select=Title`)).body.Title).toBe('Re: edited');
  });

  it("passes the site's errors through and checks its own input", async () => {
    const unknown = await call('/creatio/odata/NoSuchEntity');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toEqual(expect.any(String));
    const notAnObject = await call('/creatio/odata/Activity', { method: 'POST', json: ['x'] });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.error.code).toBe('BAD_REQUEST');
    expect((await call('/creatio/odata/Case', { method: 'PUT', json: {} })).status).toBe(405);
    expect((await call('/creatio/odata/Case', { token: 'wrong' })).status).toBe(401);
  });

  it('signs in again when the session expired, and says clearly when it cannot sign in', async () => {
    expect((await call('/creatio/expire-sessions', { method: 'POST' })).status).toBeLessThan(300);
    expect((await call('/creatio/odata/Case?$select=Id&$top=1')).status).toBe(200);

    // Supervisor's password changes on the site (its admin API): the lab's stored session and password no longer work.
    const patch = await fetch(`${lab.site.url}/__lab/settings`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ users: [{ userName: 'Supervisor', password: 'changed-elsewhere', contactId: SUPERVISOR_CONTACT }] }),
    });
    expect(patch.status).toBe(200);
    await call('/creatio/expire-sessions', { method: 'POST' });
    const refused = await call('/creatio/odata/Case?$select=Id');
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe('CREATIO_UNREACHABLE');
    expect(refused.body.error.message).toContain('Supervisor');
  });
});
