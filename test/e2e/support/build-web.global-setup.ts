/**
 * Builds the window's browser bundle (vite.web.config.ts → out/web) once before the browser tests,
 * so every test's lab serves the code as it is now. Started from node_modules/.bin (not npx), so no
 * child is left behind.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default function buildWeb(): void {
  const result = spawnSync(`${root}node_modules/.bin/vite`, ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`Building the window (vite build --config vite.web.config.ts) failed with exit code ${result.status}`);
}
