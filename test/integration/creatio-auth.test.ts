import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsLogin, oauthClient, send } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: forms auth and OAuth 2.0 client credentials (reference/creatio-api.md §2).
let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(() => t.cleanup());

const AUTH_FAILED = { Message: 'Authentication failed.', StackTrace: null, ExceptionType: 'System.InvalidOperationException' };

async function setSettings(patch: Record<string, unknown>) {
  const reply = await send(`${t.url}/__lab/settings`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) });
  expect(reply.status, reply.text).toBe(200);
}

describe('forms login (AuthService.svc)', () => {
  it.each(['/ServiceModel/AuthService.svc/Login', '/0/ServiceModel/AuthService.svc/Login'])('signs in at %s with Code 0 and the four cookies', async (path) => {
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor', path);
    expect(login.reply.status).toBe(200);
    expect(login.reply.json).toEqual({ Code: 0, Message: '', Exception: null, PasswordChangeUrl: null, RedirectUrl: null });
    for (const name of ['.ASPXAUTH', 'BPMCSRF', 'BPMLOADER', 'UserName']) expect(login.cookies.has(name)).toBe(true);
    const flags = (name: string) => login.setCookie.find((c) => c.startsWith(`${name}=`)) ?? '';
    expect(flags('.ASPXAUTH')).toMatch(/HttpOnly/i);
    expect(flags('BPMCSRF')).not.toMatch(/HttpOnly/i);
    const reply = await send(`${t.url}/0/odata/Case?$top=1`, { headers: { Cookie: login.cookieHeader, BPMCSRF: login.csrf } });
    expect(reply.status).toBe(200);
  });

  it('answers a wrong password with Code ≠ 0 and no cookies', async () => {
    const login = await formsLogin(t.url, 'Supervisor', 'wrong');
    expect(login.reply.status).toBe(200);
    expect(login.reply.json.Code).not.toBe(0);
    expect(login.reply.json.Message).toMatch(/incorrect/i);
    expect(login.cookies.size).toBe(0);
  });

  it('checks the BPMCSRF header: missing or wrong is 403', async () => {
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor');
    expect((await send(`${t.url}/0/odata/Case`, { headers: { Cookie: login.cookieHeader } })).status).toBe(403);
    expect((await send(`${t.url}/0/odata/Case`, { headers: { Cookie: login.cookieHeader, BPMCSRF: 'nope' } })).status).toBe(403);
  });

  it('answers no session with 401 and the ServiceModel body', async () => {
    const reply = await send(`${t.url}/0/odata/Case`);
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual(AUTH_FAILED);
  });

  it('logs out: the session no longer works', async () => {
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor');
    const headers = { Cookie: login.cookieHeader, BPMCSRF: login.csrf };
    expect((await send(`${t.url}/ServiceModel/AuthService.svc/Logout`, { method: 'POST', headers })).status).toBeLessThan(300);
    expect((await send(`${t.url}/0/odata/Case`, { headers })).status).toBe(401);
  });

  it('expires an idle session after the lifetime, and activity keeps it alive', async () => {
    await setSettings({ sessionLifetimeSeconds: 600 });
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor');
    const headers = { Cookie: login.cookieHeader, BPMCSRF: login.csrf };
    t.clock.advance(500_000);
    expect((await send(`${t.url}/0/odata/Case?$top=1`, { headers })).status).toBe(200);
    t.clock.advance(500_000);
    expect((await send(`${t.url}/0/odata/Case?$top=1`, { headers })).status).toBe(200);
    t.clock.advance(601_000);
    expect((await send(`${t.url}/0/odata/Case?$top=1`, { headers })).status).toBe(401);
    await setSettings({ sessionLifetimeSeconds: 3600 });
  });

  it.each([
    ['forbidden403', 403, /./],
    ['loginPage', 302, /NuiLogin/],
  ])('shows an expired session as configured: %s', async (mode, status, pattern) => {
    await setSettings({ expiredSessionResponse: mode });
    const login = await formsLogin(t.url, 'Supervisor', 'Supervisor');
    await send(`${t.url}/__lab/auth/expire-sessions`, { method: 'POST' });
    const reply = await send(`${t.url}/0/odata/Case`, { headers: { Cookie: login.cookieHeader, BPMCSRF: login.csrf } });
    expect(reply.status).toBe(status);
    expect(`${reply.headers.get('location') ?? ''}${reply.text}`).toMatch(pattern);
    await setSettings({ expiredSessionResponse: 'json401' });
  });

  it('serves the login page the redirect points at', async () => {
    const reply = await send(`${t.url}/Login/NuiLogin.aspx`);
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/NuiLogin/);
  });
});

describe('OAuth 2.0 client credentials', () => {
  const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    send(`${t.url}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });

  it('issues a bearer token that opens OData', async () => {
    const reply = await token({ grant_type: 'client_credentials', client_id: 'case-sync-lab', client_secret: 'lab-client-secret-change-me' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(typeof reply.json.access_token).toBe('string');
    const data = await send(`${t.url}/0/odata/Case?$top=1`, { headers: { Authorization: `Bearer ${reply.json.access_token}` } });
    expect(data.status).toBe(200);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const basic = Buffer.from('case-sync-lab:lab-client-secret-change-me').toString('base64');
    const reply = await token({ grant_type: 'client_credentials' }, { Authorization: `Basic ${basic}` });
    expect(reply.status).toBe(200);
  });

  it('rejects a wrong secret as an identity server does', async () => {
    const reply = await token({ grant_type: 'client_credentials', client_id: 'case-sync-lab', client_secret: 'wrong' });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ error: 'invalid_client' });
  });

  it('rejects another grant type', async () => {
    const reply = await token({ grant_type: 'password', client_id: 'case-sync-lab', client_secret: 'lab-client-secret-change-me' });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toBe('unsupported_grant_type');
  });

  it('answers an expired token with 401', async () => {
    const client = await oauthClient(t.url);
    expect((await client.get('Case?$top=1')).status).toBe(200);
    t.clock.advance(3_601_000);
    const reply = await client.get('Case?$top=1');
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/Bearer/);
  });

  it('answers an unknown token with 401', async () => {
    expect((await send(`${t.url}/0/odata/Case`, { headers: { Authorization: 'Bearer made-up' } })).status).toBe(401);
  });
});
