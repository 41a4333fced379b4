import { afterEach, describe, expect, it } from 'vitest';
import { type AuthTestSite, cookieValue, loginAs, setCookies, startAuthTestSite, readJson } from './test-support';

let site: AuthTestSite;
afterEach(async () => {
  await site.close();
});

async function postLogin(path: string, body: string, contentType = 'application/json; charset=utf-8') {
  return fetch(`${site.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

describe('AuthService.svc/Login', () => {
  it.each(['/ServiceModel/AuthService.svc/Login', '/0/ServiceModel/AuthService.svc/Login'])(
    'signs Supervisor in at %s with the documented body and cookies',
    async (path) => {
      site = await startAuthTestSite();
      const res = await postLogin(path, JSON.stringify({ UserName: 'Supervisor', UserPassword: 'Supervisor' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.text()).toBe('{"Code":0,"Message":"","Exception":null,"PasswordChangeUrl":null,"RedirectUrl":null}');
      const cookies = setCookies(res);
      expect([...cookies.keys()].sort()).toEqual(['.ASPXAUTH', 'BPMCSRF', 'BPMLOADER', 'BPMSESSIONID', 'UserName']);
      expect(cookies.get('.ASPXAUTH')).toMatch(/^\.ASPXAUTH=[0-9A-F]{64}; path=\/; HttpOnly$/);
      expect(cookies.get('BPMCSRF')).toMatch(/^BPMCSRF=[A-Za-z0-9_-]{22}; path=\/$/);
      expect(cookies.get('BPMLOADER')).toMatch(/; path=\/; HttpOnly$/);
      expect(cookies.get('UserName')).toBe('UserName=83|117|112|101|114|118|105|115|111|114; path=/; HttpOnly');
      expect(site.auth.activeSessions()).toBe(1);
    },
  );

  it('uses the injected random source for cookie values', async () => {
    let counter = 0;
    site = await startAuthTestSite({}, (n) => Buffer.alloc(n, ++counter));
    const { response } = await loginAs(site.baseUrl);
    const cookies = setCookies(response);
    expect(cookieValue(cookies.get('.ASPXAUTH'))).toBe('01'.repeat(32));
    expect(cookieValue(cookies.get('BPMCSRF'))).toBe(Buffer.alloc(16, 2).toString('base64url'));
  });

  it('answers wrong credentials with HTTP 200, Code 1 and no cookies', async () => {
    site = await startAuthTestSite();
    for (const body of [
      { UserName: 'Supervisor', UserPassword: 'wrong' },
      { UserName: 'Nobody', UserPassword: 'Supervisor' },
      { UserName: 'Supervisor', UserPassword: '' },
    ]) {
      const res = await postLogin('/ServiceModel/AuthService.svc/Login', JSON.stringify(body));
      expect(res.status).toBe(200);
      expect(await readJson(res)).toEqual({
        Code: 1,
        Message: 'Either username or password is incorrect.',
        Exception: null,
        PasswordChangeUrl: null,
        RedirectUrl: null,
      });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(site.auth.activeSessions()).toBe(0);
  });

  it('matches user names case-insensitively, ignores extra fields, and knows users added in settings', async () => {
    site = await startAuthTestSite({
      users: [
        { userName: 'Supervisor', password: 'Supervisor', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' },
        { userName: 'Agent.Ann', password: 's3cret', contactId: 'A1B2C3D4-0000-4000-8000-000000000001' },
      ],
    });
    const res = await postLogin(
      '/0/ServiceModel/AuthService.svc/Login',
      JSON.stringify({ UserName: 'agent.ann', UserPassword: 's3cret', WorkspaceName: 'Default' }),
    );
    expect((await readJson(res)).Code).toBe(0);
    expect(cookieValue(setCookies(res).get('UserName'))).toBe(Array.from('Agent.Ann', (c) => c.charCodeAt(0)).join('|'));
  });

  it('rejects malformed bodies with 400 and a message saying what was wrong', async () => {
    site = await startAuthTestSite();
    const cases: Array<[string, string, RegExp]> = [
      ['{not json', 'application/json', /not valid JSON/],
      ['', 'application/json', /empty/],
      [JSON.stringify({ UserName: 'Supervisor' }), 'application/json', /UserPassword/],
      ['UserName=Supervisor&UserPassword=Supervisor', 'application/x-www-form-urlencoded', /not valid JSON/],
    ];
    for (const [body, type, message] of cases) {
      const res = await postLogin('/ServiceModel/AuthService.svc/Login', body, type);
      expect(res.status).toBe(400);
      const json = await readJson(res);
      expect(json.Code).toBe(1);
      expect(json.Message).toMatch(message);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('AuthService.svc/Logout', () => {
  it.each(['/ServiceModel/AuthService.svc/Logout', '/0/ServiceModel/AuthService.svc/Logout'])(
    'ends the session and clears the cookies at %s',
    async (path) => {
      site = await startAuthTestSite();
      const { cookie, csrf } = await loginAs(site.baseUrl);
      const headers = { Cookie: cookie, BPMCSRF: csrf };
      expect((await fetch(`${site.baseUrl}/0/odata/Case`, { headers })).status).toBe(200);

      const res = await fetch(`${site.baseUrl}${path}`, { method: 'POST', headers });
      expect(res.status).toBe(200);
      const cleared = setCookies(res);
      expect(cleared.get('.ASPXAUTH')).toMatch(/^\.ASPXAUTH=; expires=Thu, 01 Jan 1970/);
      expect(cleared.get('BPMCSRF')).toMatch(/^BPMCSRF=; expires=/);
      expect(site.auth.activeSessions()).toBe(0);
      expect((await fetch(`${site.baseUrl}/0/odata/Case`, { headers })).status).toBe(401);
    },
  );

  it('is harmless without a session', async () => {
    site = await startAuthTestSite();
    const res = await fetch(`${site.baseUrl}/ServiceModel/AuthService.svc/Logout`, { method: 'POST' });
    expect(res.status).toBe(200);
  });
});

describe('NuiLogin page', () => {
  it('serves an HTML login form without authentication', async () => {
    site = await startAuthTestSite();
    const res = await fetch(`${site.baseUrl}/Login/NuiLogin.aspx?ReturnUrl=%2F0%2Fodata%2FCase`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('NuiLogin');
    expect(html).toContain('<form');
    // ReturnUrl is never echoed into the page.
    expect(html).not.toContain('%2F0%2Fodata');
    // The same-site check the page script applies to ReturnUrl.
    const guard = /\/\^.*?\/\.test\(target\)/.exec(html)?.[0].replace('.test(target)', '');
    const sameSite = new Function('t', `return ${guard}.test(t)`) as (t: string) => boolean;
    expect(['/0/odata/Case', '/0/'].map(sameSite)).toEqual([true, true]);
    expect(['//evil.example', '/\\evil.example', 'https://evil.example'].map(sameSite)).toEqual([false, false, false]);
  });
});
