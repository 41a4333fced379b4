/**
 * `npm run build` (issue 6): electron-vite builds the desktop app's main, preload and renderer without
 * an Electron binary; the browser build of the same window comes from vite.web.config.ts (built by the
 * Playwright global setup for the browser tests). Here: the Electron part, into the repo's out/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('npm run build', () => {
  it('electron-vite builds main (ESM), preload (CommonJS) and the renderer with its own assets', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(statSync(join(root, file)).mtimeMs, file).toBeGreaterThanOrEqual(started - 1000);
    }
    const main = readFileSync(join(root, 'out/main/index.js'), 'utf8');
    expect(main).toContain('requestSingleInstanceLock');
    expect(readFileSync(join(root, 'out/preload/index.cjs'), 'utf8')).toContain('contextBridge');
    expect(readFileSync(join(root, 'out/renderer/index.html'), 'utf8')).toMatch(/<script type="module"[^>]+src="\.\/assets\//);
  });
});
