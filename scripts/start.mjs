#!/usr/bin/env node
// `npm start`. PREVIEW STAND-IN until the desktop window lands (issue 6): the desktop app and the
// full lab (engine + fake chat) are not built yet, so this starts the part that is, the simulated
// Creatio site, on its default port, and says so. Ctrl-C stops it.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
console.log('Case Sync Lab preview: the desktop window and the sync engine are not built yet;');
console.log('starting the simulated Creatio site (the part that is). See README.md.\n');
const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', 'mock-creatio', ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => { process.exitCode = code ?? 1; });
