/**
 * The desktop shell over the REAL lab (startLab on loopback, a temp workspace), with only electron
 * faked: the URL the window loads serves the UI, its fragment's token opens the Lab API, the CSP
 * applies to the lab's origin, and quitting closes the lab (its port stops answering).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLab } from '../../lab';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from '../test-support/fake-electron';
import { createDesktopApp } from './desktop-app';
import { CONTENT_SECURITY_POLICY } from './security';

let userData: string;
let electron: FakeElectron;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'csl-desktop-real-'));
  electron = createFakeElectron({ userData });
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('the desktop app on the real lab', () => {
  it('shows the lab, hands the page its token, and closes the lab on quit', async () => {
    const app = createDesktopApp({ electron: electron.api, startLab, paths: { preload: '/p/index.cjs' }, version: '0.1.0', log: () => undefined });
    let quitting = false;
    try {
      await app.start();
      const window = FakeBrowserWindow.instances[0]!;
      const url = new URL(window.loads[0]!);
      const token = new URLSearchParams(url.hash.slice(1)).get('token');
      expect(url.hostname).toBe('127.0.0.1');
      expect(token).toBe(app.host.current()!.token);

      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await fetch(new URL('/api/info', url))).toHaveProperty('status', 401);
      const info = await fetch(new URL('/api/info', url), { headers: { Authorization: `Bearer ${token}` } });
      expect(info.status).toBe(200);
      expect(await info.json()).toMatchObject({ workspace: join(userData, 'workspace') });

      const answers: { responseHeaders?: Record<string, string[]> }[] = [];
      electron.session.headersListener!({ url: url.href, responseHeaders: {} }, (a: never) => answers.push(a));
      expect(answers[0]!.responseHeaders!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);

      quitting = true;
      electron.app.quit();
      await electron.app.quitted;
      await expect(fetch(new URL('/api/health', url))).rejects.toThrow();
    } finally {
      if (!quitting) await app.host.close();
    }
  });
});
