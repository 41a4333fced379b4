#!/usr/bin/env node
// `npm start`. Where an Electron binary is installed (any normal laptop after `npm ci`; the first start
// downloads it), the desktop window opens on a lab started in Electron's main process (electron-vite
// builds main, preload and renderer, then runs them). Where there is none (build machines, CI images),
// the lab starts in browser mode: `serve` on the default workspace (~/.case-sync-lab/workspace) with the
// UI on port 5170 or the next free one; it prints the URL and opens the default browser when a display
// exists. CASE_SYNC_LAB_BROWSER=1 forces browser mode. Ctrl-C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { detectElectron } from './electron-detect.mjs';

const root = new URL('..', import.meta.url).pathname;

/** The Electron binary, downloading it once if the package is installed but the binary is not (Electron ≥ 42 fetches lazily). */
function electronBinary() {
  if (process.env.CASE_SYNC_LAB_BROWSER === '1') return { found: false, reason: 'CASE_SYNC_LAB_BROWSER=1' };
  const first = detectElectron();
  if (first.found) return first;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return first;
  console.error('Fetching the Electron binary (once)...');
  const fetched = spawnSync(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  if (fetched.status === 0) return detectElectron();
  const lines = String(fetched.stderr ?? '').split('\n').map((line) => line.trim());
  const why = lines.find((line) => /error/i.test(line) && !line.startsWith('at ')) ?? `exit ${fetched.status ?? 'timeout'}`;
  return { found: false, reason: `it could not be downloaded: ${why}` };
}

/** The first port from `start` that is free on 127.0.0.1 (someone may still take it before serve does). */
async function freePort(start, tries = 20) {
  for (let port = start; port < start + tries; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer().once('error', () => resolve(false)).once('listening', () => probe.close(() => resolve(true)));
      probe.listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  return 0; // all taken: let the system pick one
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openBrowser(url) {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]]
      : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`(could not open a browser: open ${url} yourself)`));
  child.unref();
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => { process.exitCode = code ?? 1; });
}

/** Newest modification time under `dirs` (0 when none exist). */
function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return latest;
}

/** Builds the window for the browser (out/web) when it is missing or older than its sources. */
function ensureWebBuild() {
  const built = join(root, 'out', 'web', 'index.html');
  const sources = newest([join(root, 'renderer'), join(root, 'contract')]);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.error('Building the window for the browser (npm run build:web)...');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) console.error('The window could not be built: the lab serves its placeholder page instead.');
}

async function browserMode(reason) {
  console.error(`No desktop window here (${reason}): starting the lab in browser mode.`);
  ensureWebBuild();
  const port = await freePort(5170);
  const child = spawn(process.execPath, [join(root, 'scripts', 'lab.mjs'), 'serve', '--port', String(port), ...process.argv.slice(2)], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).once('line', (line) => {
    let ready;
    try {
      ready = JSON.parse(line);
    } catch {
      console.log(line);
      return;
    }
    // The UI takes the per-launch token from the URL fragment, which browsers never send to a server.
    const url = `${ready.ui}#token=${ready.token}`;
    console.log(`\nOpen the lab: ${url}`);
    if (hasDisplay()) openBrowser(url);
  });
  forward(child);
}

const electron = electronBinary();
if (electron.found) {
  const child = spawn(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: electron.path },
  });
  forward(child);
} else {
  await browserMode(`no Electron binary: ${electron.reason}`);
}
