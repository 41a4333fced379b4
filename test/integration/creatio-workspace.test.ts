import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formsLogin, oauthClient, q, send } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: the workspace (persistence, reset, snapshots) and the admin API's journal.
let t: TestSite;
afterEach(() => t?.cleanup());

const admin = (path: string, init: RequestInit = {}) =>
  send(`${t.url}/__lab${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });

describe('persistence', () => {
  it('keeps every acknowledged write across a restart', async () => {
    t = await startTestSite({ durability: 'fsync' });
    let client = await oauthClient(t.url);
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => client.post('Case', { Subject: `persist ${i}` })));
    expect(created.every((r) => r.status === 201)).toBe(true);
    const patched = created[0]!.json.Id as string;
    expect((await client.patch(`Case(${patched})`, { Notes: 'patched' })).status).toBe(204);
    const deleted = created[1]!.json.Id as string;
    expect((await client.delete(`Case(${deleted})`)).status).toBe(204);

    await t.restart();
    client = await oauthClient(t.url);
    const count = await client.get(`Case/$count?$filter=startswith(Subject,'persist')`);
    expect(count.text).toBe('49');
    expect((await client.get(`Case(${patched})`)).json.Notes).toBe('patched');
    expect((await client.get(`Case(${deleted})`)).status).toBe(404);
  });

  it('writes human-readable JSON, one file per entity', async () => {
    t = await startTestSite();
    const client = await oauthClient(t.url);
    await client.post('Case', { Subject: 'readable' });
    await t.site.close();
    const files = await readdir(join(t.workspace, 'creatio', 'data'));
    expect(files).toEqual(expect.arrayContaining(['Case.json', 'Activity.json', 'CaseStatus.json']));
    const text = await readFile(join(t.workspace, 'creatio', 'data', 'Case.json'), 'utf8');
    expect(text.startsWith(`[\n  {\n    "Id": "`)).toBe(true);
    expect(JSON.parse(text).some((c: { Subject: string }) => c.Subject === 'readable')).toBe(true);
  });
});

describe('admin API', () => {
  it('resets the data to the seed', async () => {
    t = await startTestSite();
    const client = await oauthClient(t.url);
    const seeded = (await client.get('Case/$count')).text;
    await client.post('Case', { Subject: 'to be reset' });
    expect((await admin('/reset', { method: 'POST' })).status).toBe(200);
    expect((await client.get('Case/$count')).text).toBe(seeded);
  });

  it('saves and restores named snapshots', async () => {
    t = await startTestSite();
    const client = await oauthClient(t.url);
    const id = (await client.post('Case', { Subject: 'in snapshot' })).json.Id;
    const saved = await admin('/snapshots', { method: 'POST', body: JSON.stringify({ name: 'after-case' }) });
    expect(saved.status).toBe(201);
    await client.delete(`Case(${id})`);
    expect((await client.get(`Case(${id})`)).status).toBe(404);
    expect((await admin('/snapshots/after-case/restore', { method: 'POST' })).status).toBe(200);
    expect((await client.get(`Case(${id})`)).json.Subject).toBe('in snapshot');
    const list = await admin('/snapshots');
    expect(list.json.snapshots.map((s: { name: string }) => s.name)).toContain('after-case');
  });

  it('rejects a bad snapshot name and a missing snapshot with clear errors', async () => {
    t = await startTestSite();
    const bad = await admin('/snapshots', { method: 'POST', body: JSON.stringify({ name: '../escape' }) });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('BAD_SNAPSHOT_NAME');
    const missing = await admin('/snapshots/nope/restore', { method: 'POST' });
    expect(missing.status).toBe(404);
    const noName = await admin('/snapshots', { method: 'POST', body: JSON.stringify({}) });
    expect(noName.status).toBe(400);
    expect(noName.json.error.message).toMatch(/name/);
  });

  it('journals every request with timing, and redacts secrets', async () => {
    t = await startTestSite();
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor');
    await send(`${t.url}/0/odata/Case?$top=1`, { headers: { Cookie: login.cookieHeader, BPMCSRF: login.csrf } });
    const client = await oauthClient(t.url);
    await client.post('Case', { Subject: 'journaled' });
    const journal = await admin('/journal?limit=10');
    expect(journal.status).toBe(200);
    const entries = journal.json.entries as { method: string; url: string; status: number; durationMs: number }[];
    expect(entries.map((e) => `${e.method} ${e.status}`)).toEqual(expect.arrayContaining(['POST 201', 'GET 200']));
    expect(entries.every((e) => typeof e.durationMs === 'number')).toBe(true);
    const post = entries.find((e) => e.method === 'POST' && e.url === '/0/odata/Case') as unknown as { responseBody: string };
    expect(post.responseBody).toContain('journaled');
    const all = JSON.stringify(journal.json);
    for (const secret of ['Supervisor"', 'lab-client-secret-change-me', login.csrf, login.cookies.get('.ASPXAUTH')!]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('***');
  });

  it('shows the first 16 KB of a long body and its whole length', async () => {
    t = await startTestSite();
    const client = await oauthClient(t.url);
    const caseId = (await client.post('Case', { Subject: 'long answers' })).json.Id as string;
    for (let i = 0; i < 40; i += 1) await client.post('Activity', { Title: `long ${i} ${'x'.repeat(200)}`, CaseId: caseId });
    const list = await client.get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}`);
    const whole = Buffer.byteLength(list.text);
    expect(whole).toBeGreaterThan(48 * 1024);
    const entry = (await admin('/journal?limit=1&path=Activity%3F')).json.entries[0] as { responseBody: string };
    expect(entry.responseBody.endsWith(`… (${whole} bytes)`)).toBe(true);
    expect(entry.responseBody.startsWith(list.text.slice(0, 16 * 1024))).toBe(true);
  });

  it('keeps 16 K characters to show of a long body in three-byte characters', async () => {
    t = await startTestSite();
    const client = await oauthClient(t.url);
    const caseId = (await client.post('Case', { Subject: 'wide answers' })).json.Id as string;
    await client.post('Activity', { Title: '東京', Body: '東'.repeat(20_000), CaseId: caseId });
    const list = await client.get(`Activity?$filter=${q(`CaseId eq ${caseId}`)}`);
    const entry = (await admin('/journal?limit=1&path=Activity%3F')).json.entries[0] as { responseBody: string };
    expect(entry.responseBody).not.toContain('\uFFFD');
    expect(entry.responseBody.startsWith(list.text.slice(0, 16 * 1024))).toBe(true);
    expect(entry.responseBody.endsWith(`… (${Buffer.byteLength(list.text)} bytes)`)).toBe(true);
  });

  it('filters the journal and clears it', async () => {
    t = await startTestSite();
    await send(`${t.url}/0/odata/Case`);
    const filtered = await admin('/journal?status=401');
    expect(filtered.json.entries.length).toBeGreaterThan(0);
    expect(filtered.json.entries.every((e: { status: number }) => e.status === 401)).toBe(true);
    expect((await admin('/journal', { method: 'DELETE' })).status).toBe(204);
    expect((await admin('/journal?status=401')).json.entries).toEqual([]);
  });

  it('reads settings with secrets masked and rejects bad ones', async () => {
    t = await startTestSite();
    const settings = await admin('/settings');
    expect(JSON.stringify(settings.json)).not.toContain('lab-client-secret-change-me');
    expect(settings.json.users[0].userName).toBe('Supervisor');
    const bad = await admin('/settings', { method: 'PATCH', body: JSON.stringify({ expiredSessionResponse: 'teapot' }) });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/expiredSessionResponse/);
  });
});
