/**
 * Time from starting the lab to ready (issue 5: "the time from `serve` to ready", aim under 1 s):
 * the `serve` CLI as `npm run lab` runs it (a new process from the CLI bundle, scripts/lab.mjs, until
 * its JSON ready line; npm's own start-up not counted), the same from the TypeScript sources through
 * tsx, `startLab()` in a running process, and, as peers and floors measured in the same run,
 * json-server 0.17 (spawn to first HTTP answer), plain `node -e 0` and `node --import tsx -e 0`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startLab } from '../../lab';

const ROOT = new URL('../..', import.meta.url).pathname;
const TSX = ['--import', 'tsx'];

export interface ReadyRow {
  what: string;
  runs: number[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Spawns `args`; resolves with ms until `ready(stdoutSoFar)` holds (then kills it), or until exit when `ready` is absent. */
function timeSpawn(args: string[], ready?: (out: string) => boolean | Promise<boolean>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let done = false;
    const finish = (ms: number) => {
      if (done) return;
      done = true;
      if (child.exitCode === null) child.kill('SIGINT');
      resolve(ms);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      void Promise.resolve(ready?.(out)).then((ok) => ok && finish(performance.now() - t0));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!ready && !done) return finish(performance.now() - t0);
      if (!done) reject(new Error(`${args.join(' ')} exited (${code}) before it was ready`));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** json-server prints nothing we can rely on: poll its port once output started, then on an interval. */
async function timeJsonServer(dbFile: string): Promise<number> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/cases`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/json-server/lib/cli/bin.js'), '--port', String(port), '--host', '127.0.0.1', '--quiet', dbFile], { stdio: 'ignore' });
  try {
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error('json-server exited before it answered');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - t0;
  } finally {
    child.kill('SIGINT');
  }
}

async function timeStartLab(root: string, index: number): Promise<number> {
  const workspace = join(root, `in-process-${index}`);
  const t0 = performance.now();
  const lab = await startLab({ workspace, durability: 'none', seed: index });
  const ms = performance.now() - t0;
  await lab.close();
  await rm(workspace, { recursive: true, force: true });
  return ms;
}

export async function benchServeReady(options: { runs: number; tmp: string }): Promise<ReadyRow[]> {
  const root = await mkdtemp(join(options.tmp, 'ready-'));
  const dbFile = join(root, 'db.json');
  await writeFile(dbFile, JSON.stringify({ cases: [{ id: 1, subject: 'Printer on fire' }] }));
  const rows: ReadyRow[] = [
    { what: '`serve` (new process from the CLI bundle, fresh workspace, to its JSON ready line)', runs: [] },
    { what: '`startLab()` in a running process (fresh workspace)', runs: [] },
    { what: 'peer: json-server 0.17 (new process, to its first HTTP answer)', runs: [] },
    { what: 'floor: `node -e 0` (start and exit)', runs: [] },
    { what: 'floor: `node --import tsx -e 0` (start and exit)', runs: [] },
    { what: '`serve` from the TypeScript sources through tsx (no bundle)', runs: [] },
  ];
  const ready = (out: string) => out.split('\n').some((line) => line.startsWith('{') && line.includes('"ready":true'));
  await timeStartLab(root, 0); // warm the module cache once, as a running host has it
  await timeSpawn(['scripts/lab.mjs', '--help']); // builds the CLI bundle if a source changed, as the first launch does
  for (let i = 0; i < options.runs; i++) {
    rows[0]!.runs.push(await timeSpawn(['scripts/lab.mjs', 'serve', '--port', '0', '--temp-workspace'], ready));
    rows[1]!.runs.push(await timeStartLab(root, i + 1));
    rows[2]!.runs.push(await timeJsonServer(dbFile));
    rows[3]!.runs.push(await timeSpawn(['-e', '0']));
    rows[4]!.runs.push(await timeSpawn([...TSX, '-e', '0']));
    rows[5]!.runs.push(await timeSpawn([...TSX, 'lab/cli/run.ts', 'serve', '--port', '0', '--temp-workspace'], ready));
  }
  await rm(root, { recursive: true, force: true });
  return rows;
}
