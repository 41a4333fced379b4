/**
 * A real lab per test (startLab: simulated site, engine, fake chat, Lab API) serving the built window
 * (out/web), in its own temp workspace, closed and removed afterwards. `openWindow()` opens the UI the
 * way the desktop shell does, with the token in the URL fragment, at 1280×800.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLab, type Lab, type LabMode } from '../../../lab';

export const UI_DIR = fileURLToPath(new URL('../../../out/web/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

interface LabFixtures {
  labMode: LabMode;
  lab: Lab;
  openWindow: () => Promise<Page>;
  /** Fails if the page shows any secret of the lab (API token, webhook token, client secret, passwords). */
  expectNoSecretShown: () => Promise<void>;
}

export const test = base.extend<LabFixtures>({
  labMode: ['every-conversation', { option: true }],
  viewport: { width: 1280, height: 800 },
  lab: async ({ labMode }, use) => {
    const workspace = await mkdtemp(join(tmpdir(), 'csl-e2e-ui-'));
    const lab = await startLab({ workspace, durability: 'none', mode: labMode, uiDir: UI_DIR, seed: 11 });
    try {
      await use(lab);
    } finally {
      await lab.close();
      await rm(workspace, { recursive: true, force: true });
    }
  },
  openWindow: async ({ page, lab }, use) => {
    await use(async () => {
      await page.goto(`${lab.urls.ui}#token=${lab.token}`);
      await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Live');
      // The token leaves the address bar at once.
      expect(page.url()).not.toContain(lab.token);
      return page;
    });
  },
  expectNoSecretShown: async ({ page, lab }, use) => {
    const webhookToken = lab.webhookUrl().split('/').pop() ?? '';
    const secrets = [lab.token, webhookToken, 'lab-client-secret-change-me'].filter((s) => s.length >= 8);
    await use(async () => {
      const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join(' '));
      for (const secret of secrets) expect(text, 'a secret is visible in the window').not.toContain(secret);
      expect(text).not.toMatch(/BPMCSRF|\.ASPXAUTH|Bearer /);
    });
  },
});

export { expect };
