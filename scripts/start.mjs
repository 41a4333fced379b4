#!/usr/bin/env node
// `npm start`: the real lab, headless, in browser mode, until the desktop window lands (issue 6).
// It runs `serve` on the default workspace (~/.case-sync-lab/workspace) with the Lab API and UI on
// port 5170, or the next free one, and prints the URL to open. The UI itself is still a placeholder
// page; the Lab API, the simulated Creatio site and the engine behind it are real. Ctrl-C stops it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;

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

const port = await freePort(5170);
const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', 'serve', '--port', String(port), ...process.argv.slice(2)], {
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
  console.log(`\nOpen ${ready.ui} in a browser (the UI there is a placeholder until the desktop UI lands: issue 6).`);
  console.log(`The Creatio site is at ${ready.creatio}; for the Lab API with curl, run \`npm run lab -- serve\`, which prints its token.`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => { process.exitCode = code ?? 1; });
