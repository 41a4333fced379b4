#!/usr/bin/env node
// `npm start`. PREVIEW STAND-IN until the lab and the desktop window land (issues 5 and 6): nothing
// yet composes the engine, the simulator and a fake chat into one running lab, so this starts the
// simulated Creatio site on its default port, and says so. Ctrl-C stops it.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
console.log('Case Sync Lab preview: the desktop window and the composed lab (engine + simulator + chat)');
console.log('are not built yet; starting the simulated Creatio site alone. See README.md.\n');
const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', 'mock-creatio', ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => { process.exitCode = code ?? 1; });
