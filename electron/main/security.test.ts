import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { FakeSession, FakeWebContents } from '../test-support/fake-electron';
import {
  CONTENT_SECURITY_POLICY, guardWebContents, installSessionGuards, isSafeExternalUrl, permissionAllowed,
  secureWebPreferences, withCsp,
} from './security';

const LAB = 'http://127.0.0.1:41234';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs', version: '1.2.3' });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, webviewTag: false,
    });
    expect(prefs.additionalArguments).toEqual(['--case-sync-lab-version=1.2.3']);
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });
});

describe('the content security policy', () => {
  it('allows only the lab itself: no eval, no inline script, no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('replaces a CSP the server sent, whatever its case, and keeps other headers', () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *"], 'X-Frame-Options': ['DENY'] });
    expect(headers).toEqual({ 'X-Frame-Options': ['DENY'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('installSessionGuards', () => {
  const install = (origin: string | undefined) => {
    const session = new FakeSession();
    installSessionGuards({ session: session as unknown as Session, labOrigin: () => origin });
    return session;
  };

  it('adds the CSP to the lab origin only', () => {
    const session = install(LAB);
    const answers: unknown[] = [];
    session.headersListener!({ url: `${LAB}/index.html`, responseHeaders: { 'Content-Type': ['text/html'] } }, (r: unknown) => answers.push(r));
    session.headersListener!({ url: 'http://127.0.0.1:5080/0/odata/Case', responseHeaders: {} }, (r: unknown) => answers.push(r));
    expect(answers[0]).toEqual({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(answers[1]).toEqual({});
  });

  it('denies every permission request and check, but clipboard writes from the lab', () => {
    const session = install(LAB);
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler!({ getURL: () => `${LAB}/#token=x` }, permission, (ok: boolean) => granted.push(ok), {});
      granted.push(session.permissionCheckHandler!(null, permission, LAB, {}) as boolean);
    }
    expect(granted.every((ok) => ok === false)).toBe(true);
    expect(session.permissionCheckHandler!(null, 'clipboard-sanitized-write', LAB, {})).toBe(true);
    expect(session.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('denies everything while no lab runs', () => {
    expect(permissionAllowed('clipboard-sanitized-write', LAB, undefined)).toBe(false);
  });
});

describe('guardWebContents', () => {
  const guard = () => {
    const contents = new FakeWebContents();
    const external: string[] = [];
    const logs: string[] = [];
    guardWebContents({
      contents: contents as never, labOrigin: () => LAB, log: (m) => logs.push(m),
      openExternal: async (url) => { external.push(url); },
    });
    return { contents, external, logs };
  };

  it('denies every new window; https links go to the default browser, others nowhere', () => {
    const { contents, external } = guard();
    expect(contents.windowOpenHandler!({ url: 'https://academy.creatio.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: `${LAB}/other` })).toEqual({ action: 'deny' });
    expect(external).toEqual(['https://academy.creatio.com/docs']);
  });

  it('prevents navigation and redirects to another origin, allows the lab', () => {
    const { contents, external } = guard();
    expect(contents.navigate('will-navigate', `${LAB}/settings`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:5080/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', `${LAB}/`)).toBe(false);
    expect(external).toEqual(['https://evil.example/']);
  });

  it('refuses <webview> attachment', () => {
    const { contents } = guard();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('sends only https out', () => {
    expect(isSafeExternalUrl('https://x.example')).toBe(true);
    for (const url of ['http://x.example', 'javascript:alert(1)', 'file:///x', 'not a url', 'smb://host/share']) expect(isSafeExternalUrl(url)).toBe(false);
  });
});
