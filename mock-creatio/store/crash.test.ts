import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { caseId, ids, open, tempDir } from './store-test-helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Runs the child until it has acknowledged `killAfter` commits, then SIGKILLs it; returns the acked ids. */
function runAndKill(killAfter: number, firstId: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.fixture.ts', import.meta.url)), dir, String(firstId)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: number[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) acked.push(Number(line));
    if (acked.length >= killAfter && !child.killed) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(acked);
    });
  });
}

it('loses no acknowledged commit when the process is killed mid-write (SIGKILL)', async () => {
  const first = await runAndKill(400 + Math.floor(Math.random() * 300), 0);
  // The second run recovers the first one's workspace (torn tail included), then is killed too.
  const second = await runAndKill(50, 1_000_000);
  const store = await open(dir);
  const present = new Set(ids(store));
  for (const n of [...first, ...second]) expect(present.has(caseId(n)), `case ${n}`).toBe(true);
  expect(first.length).toBeGreaterThanOrEqual(400);
  await store.close();
}, 120_000);
