/**
 * The launcher behind `npm run lab` and the bin (scripts/lab.mjs): it runs the CLI from an esbuild
 * bundle of the sources, rebuilt when a source is newer, and from the sources through tsx when told to.
 */
import { spawn } from 'node:child_process';
import { stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const bundle = join(root, 'out', 'cli', 'case-sync-lab.mjs');

function launch(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/lab.mjs', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the CLI launcher', () => {
  it('runs a command from the bundle, and rebuilds the bundle once a source is newer', async () => {
    const first = await launch(['--help']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Commands:');
    // Make the bundle older than the sources (as after a `git pull`): the next launch makes a new one.
    const source = await stat(join(root, 'lab', 'cli', 'exit-codes.ts'));
    const stale = new Date(source.mtimeMs - 60_000);
    await utimes(bundle, stale, stale);
    const second = await launch(['serve', '--help']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('serve');
    expect((await stat(bundle)).mtimeMs).toBeGreaterThanOrEqual(source.mtimeMs);
  });

  it('runs from the sources through tsx with CASE_SYNC_LAB_NO_BUNDLE=1, with the same exit codes', async () => {
    const result = await launch(['no-such-command'], { CASE_SYNC_LAB_NO_BUNDLE: '1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "no-such-command"');
  });
});
