import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_FAILED_BODY } from './site-auth';
import { type AuthTestSite, loginAs, startAuthTestSite, readJson } from './test-support';

let site: AuthTestSite;
afterEach(async () => {
  await site.close();
});

const get = (path: string, headers: Record<string, string> = {}, redirect: 'manual' | 'follow' = 'manual') =>
  fetch(`${site.baseUrl}${path}`, { headers, redirect });

describe('requireAuth with a forms session', () => {
  it('lets a request with the cookies and the matching BPMCSRF header through, with its principal', async () => {
    site = await startAuthTestSite();
    const { cookie, csrf } = await loginAs(site.baseUrl);
    const res = await get('/0/odata/Case', { Cookie: cookie, BPMCSRF: csrf });
    expect(res.status).toBe(200);
    expect((await readJson(res)).principal).toEqual({
      userName: 'Supervisor',
      contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
      kind: 'session',
    });
  });

  it('answers 403 when BPMCSRF is missing or wrong', async () => {
    site = await startAuthTestSite();
    const { cookie, csrf } = await loginAs(site.baseUrl);
    const variants: Array<Record<string, string>> = [{ Cookie: cookie }, { Cookie: cookie, BPMCSRF: `${csrf}x` }, { Cookie: cookie, BPMCSRF: '' }];
    for (const headers of variants) {
      const res = await get('/0/odata/Case', headers);
      expect(res.status).toBe(403);
      expect(await readJson(res)).toEqual(AUTH_FAILED_BODY);
    }
  });

  it("rejects another session's BPMCSRF", async () => {
    site = await startAuthTestSite();
    const first = await loginAs(site.baseUrl);
    const second = await loginAs(site.baseUrl);
    expect(site.auth.activeSessions()).toBe(2);
    expect((await get('/0/odata/Case', { Cookie: first.cookie, BPMCSRF: second.csrf })).status).toBe(403);
  });

  it('slides the session: each request pushes expiry to now + lifetime', async () => {
    site = await startAuthTestSite({ sessionLifetimeSeconds: 600 });
    const { cookie, csrf } = await loginAs(site.baseUrl);
    const headers = { Cookie: cookie, BPMCSRF: csrf };
    // Three hops of 9 minutes: 27 minutes in total, beyond the 10-minute lifetime, yet still alive.
    for (let hop = 0; hop < 3; hop++) {
      site.clock.now += 540_000;
      expect((await get('/0/odata/Case', headers)).status).toBe(200);
    }
    site.clock.now += 600_000;
    const res = await get('/0/odata/Case', headers);
    expect(res.status).toBe(401);
    expect(await readJson(res)).toEqual(AUTH_FAILED_BODY);
    expect(site.auth.activeSessions()).toBe(0);
  });

  it('does not slide on a rejected (bad CSRF) request', async () => {
    site = await startAuthTestSite({ sessionLifetimeSeconds: 600 });
    const { cookie, csrf } = await loginAs(site.baseUrl);
    site.clock.now += 500_000;
    expect((await get('/0/odata/Case', { Cookie: cookie })).status).toBe(403);
    site.clock.now += 200_000;
    expect((await get('/0/odata/Case', { Cookie: cookie, BPMCSRF: csrf })).status).toBe(401);
  });

  it('expireAllSessions ends every session at once', async () => {
    site = await startAuthTestSite();
    const { cookie, csrf } = await loginAs(site.baseUrl);
    site.auth.expireAllSessions();
    expect(site.auth.activeSessions()).toBe(0);
    expect((await get('/0/odata/Case', { Cookie: cookie, BPMCSRF: csrf })).status).toBe(401);
  });

  it('rejects a session whose user was removed from the settings', async () => {
    site = await startAuthTestSite();
    const { cookie, csrf } = await loginAs(site.baseUrl);
    site.settings.current = { ...site.settings.current, users: [] };
    expect((await get('/0/odata/Case', { Cookie: cookie, BPMCSRF: csrf })).status).toBe(401);
  });
});

describe('requireAuth without a live session: expiredSessionResponse', () => {
  it('json401: 401 with the ServiceModel JSON body and no WWW-Authenticate for cookie clients', async () => {
    site = await startAuthTestSite();
    const variants: Array<Record<string, string>> = [{}, { Cookie: '.ASPXAUTH=ABCDEF', BPMCSRF: 'x' }];
    for (const headers of variants) {
      const res = await get('/0/odata/Case', headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBeNull();
      expect(await readJson(res)).toEqual({
        Message: 'Authentication failed.',
        StackTrace: null,
        ExceptionType: 'System.InvalidOperationException',
      });
    }
  });

  it('forbidden403: 403', async () => {
    site = await startAuthTestSite({ expiredSessionResponse: 'forbidden403' });
    const res = await get('/0/odata/Case');
    expect(res.status).toBe(403);
    expect(await readJson(res)).toEqual(AUTH_FAILED_BODY);
  });

  it('loginPage + redirect302: 302 to NuiLogin.aspx with the original path as ReturnUrl', async () => {
    site = await startAuthTestSite({ expiredSessionResponse: 'loginPage' });
    const res = await get('/0/odata/Case?$top=5');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/Login/NuiLogin.aspx?ReturnUrl=%2F0%2Fodata%2FCase%3F%24top%3D5');
    // Following the redirect lands on the HTML login page, which clients detect by "NuiLogin".
    const followed = await get('/0/odata/Case', {}, 'follow');
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('NuiLogin');
  });

  it('loginPage + html200: the login page itself with 200', async () => {
    site = await startAuthTestSite({ expiredSessionResponse: 'loginPage', loginPageMode: 'html200' });
    const res = await get('/odata/Case');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('NuiLogin');
  });

  it('reads the mode live from the settings', async () => {
    site = await startAuthTestSite();
    expect((await get('/0/odata/Case')).status).toBe(401);
    site.settings.current = { ...site.settings.current, expiredSessionResponse: 'forbidden403' };
    expect((await get('/0/odata/Case')).status).toBe(403);
  });
});
