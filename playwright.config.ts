import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Playwright drives Debian's Chromium (no browser download works on the build machines;
 * shared/toolchain.md). CHROMIUM_PATH overrides the path; where neither exists (a laptop with
 * Playwright's own browsers installed) Playwright uses its own.
 */
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = candidates.find((p): p is string => !!p && existsSync(p));

export default defineConfig({
  testDir: 'test/e2e',
  // Builds the window (out/web) once; each UI test then starts its own lab serving it.
  globalSetup: './test/e2e/support/build-web.global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  outputDir: '.tmp/playwright-output',
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      ],
    },
  },
});
