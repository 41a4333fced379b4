import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_FAILED_BODY } from './site-auth';
import { type AuthTestSite, loginAs, requestToken, startAuthTestSite, readJson } from './test-support';

let site: AuthTestSite;
afterEach(async () => {
  await site.close();
});

const GOOD = { grant_type: 'client_credentials', client_id: 'case-sync-lab', client_secret: 'lab-client-secret-change-me' };

const basic = (id: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

async function tokenFor(fields: Record<string, string> = GOOD): Promise<string> {
  const res = await requestToken(site.baseUrl, fields);
  expect(res.status).toBe(200);
  return String((await readJson(res)).access_token);
}

const getCase = (token: string, headers: Record<string, string> = {}) =>
  fetch(`${site.baseUrl}/0/odata/Case`, { headers: { Authorization: `Bearer ${token}`, ...headers } });

describe('POST /connect/token (client credentials)', () => {
  it('issues a bearer token that works without cookies or BPMCSRF', async () => {
    site = await startAuthTestSite();
    const res = await requestToken(site.baseUrl, GOOD);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await readJson(res);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const data = await getCase(String(body.access_token));
    expect(data.status).toBe(200);
    expect((await readJson(data)).principal).toEqual({
      userName: 'Supervisor',
      contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
      kind: 'token',
    });
    expect(site.auth.activeSessions()).toBe(0);
  });

  it('accepts HTTP Basic client authentication', async () => {
    site = await startAuthTestSite({
      oauthClients: [{ clientId: 'lab:client', clientSecret: 'p@ss word', systemUserName: 'Supervisor', active: true }],
    });
    const ok = await requestToken(site.baseUrl, { grant_type: 'client_credentials' }, basic('lab:client', 'p@ss word'));
    expect(ok.status).toBe(200);
    expect((await getCase(String((await readJson(ok)).access_token))).status).toBe(200);

    const bad = await requestToken(site.baseUrl, { grant_type: 'client_credentials' }, basic('lab:client', 'nope'));
    expect(bad.status).toBe(400);
    expect(await readJson(bad)).toEqual({ error: 'invalid_client' });
  });

  it('answers invalid_client for a wrong secret, an unknown client and an inactive client', async () => {
    site = await startAuthTestSite({
      oauthClients: [
        { clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me', systemUserName: 'Supervisor', active: true },
        { clientId: 'old-app', clientSecret: 'old-secret', systemUserName: 'Supervisor', active: false },
      ],
    });
    for (const fields of [
      { ...GOOD, client_secret: 'wrong' },
      { ...GOOD, client_secret: '' },
      { ...GOOD, client_id: 'someone-else' },
      { ...GOOD, client_id: 'old-app', client_secret: 'old-secret' },
    ]) {
      const res = await requestToken(site.baseUrl, fields);
      expect(res.status).toBe(400);
      expect(await readJson(res)).toEqual({ error: 'invalid_client' });
    }
  });

  it('answers unsupported_grant_type for another grant type', async () => {
    site = await startAuthTestSite();
    const res = await requestToken(site.baseUrl, { ...GOOD, grant_type: 'password' });
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual({ error: 'unsupported_grant_type' });
  });

  it('answers invalid_request for missing fields, repeated fields, mixed auth methods and other content types', async () => {
    site = await startAuthTestSite();
    const { grant_type: _g, ...noGrant } = GOOD;
    const { client_id: _i, ...noId } = GOOD;
    const { client_secret: _s, ...noSecret } = GOOD;
    for (const fields of [noGrant, noId, noSecret, {}]) {
      const res = await requestToken(site.baseUrl, fields);
      expect(res.status).toBe(400);
      expect(await readJson(res)).toEqual({ error: 'invalid_request' });
    }
    const repeated = await fetch(`${site.baseUrl}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `${new URLSearchParams(GOOD)}&client_id=other`,
    });
    expect(await readJson(repeated)).toEqual({ error: 'invalid_request' });
    const mixed = await requestToken(site.baseUrl, GOOD, basic(GOOD.client_id, GOOD.client_secret));
    expect(await readJson(mixed)).toEqual({ error: 'invalid_request' });
    const json = await fetch(`${site.baseUrl}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(GOOD),
    });
    expect(json.status).toBe(400);
    expect(await readJson(json)).toEqual({ error: 'invalid_request' });
  });

  it('serves the token endpoint at a configured identityServerPath', async () => {
    site = await startAuthTestSite({ identityServerPath: '/0/connect/token' });
    expect((await requestToken(site.baseUrl, GOOD)).status).toBe(404);
    const res = await fetch(`${site.baseUrl}/0/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(GOOD).toString(),
    });
    expect(res.status).toBe(200);
  });
});

describe('bearer tokens at requireAuth', () => {
  it('expire after tokenLifetimeSeconds without sliding, then 401 with WWW-Authenticate', async () => {
    site = await startAuthTestSite({ tokenLifetimeSeconds: 600 });
    const token = await tokenFor();
    site.clock.now += 300_000;
    expect((await getCase(token)).status).toBe(200);
    // Had the request at +5 min renewed it, the token would live until +15 min.
    site.clock.now += 300_000;
    const res = await getCase(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await readJson(res)).toEqual(AUTH_FAILED_BODY);
  });

  it('rejects unknown and revoked tokens, and a bad token even alongside a live session', async () => {
    site = await startAuthTestSite();
    const token = await tokenFor();
    expect((await getCase('not-a-token')).status).toBe(401);
    const { cookie, csrf } = await loginAs(site.baseUrl);
    expect((await getCase('not-a-token', { Cookie: cookie, BPMCSRF: csrf })).status).toBe(401);
    site.auth.revokeAllTokens();
    expect((await getCase(token)).status).toBe(401);
    expect((await fetch(`${site.baseUrl}/0/odata/Case`, { headers: { Cookie: cookie, BPMCSRF: csrf } })).status).toBe(200);
  });

  it('follows expiredSessionResponse for rejected tokens too', async () => {
    site = await startAuthTestSite({ expiredSessionResponse: 'forbidden403' });
    const res = await getCase('expired-or-unknown');
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });

  it("rejects a token whose client's system user does not exist", async () => {
    site = await startAuthTestSite({
      oauthClients: [{ clientId: 'ghost', clientSecret: 'ghost-secret', systemUserName: 'Ghost', active: true }],
    });
    const token = await tokenFor({ grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'ghost-secret' });
    expect((await getCase(token)).status).toBe(401);
  });
});

describe('OpenID discovery document', () => {
  it.each(['/0/.well-known/openid-configuration', '/.well-known/openid-configuration'])('is served at %s', async (path) => {
    site = await startAuthTestSite();
    const res = await fetch(`${site.baseUrl}${path}`);
    expect(res.status).toBe(200);
    const doc = await readJson(res);
    expect(doc.token_endpoint).toBe(`${site.baseUrl}/connect/token`);
    expect(doc.grant_types_supported).toContain('client_credentials');
  });
});
