import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { oauthClient, send } from '../support/creatio-client';

// `npm run lab -- mock-creatio`: the simulator alone, as a user starts it.
const root = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return { child, exit, stderr: () => stderr };
}

describe('lab CLI: mock-creatio', () => {
  it('starts the site, prints its URL, serves login, $metadata and queries, and stops cleanly on SIGINT', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'csl-cli-'));
    dirs.push(workspace);
    const run = runCli(['mock-creatio', '--port', '0', '--workspace', workspace, '--json']);
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: run.child.stdout }).once('line', resolve);
      run.exit.then((code) => reject(new Error(`exited ${code}: ${run.stderr()}`)));
    });
    const { url } = JSON.parse(firstLine) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const login = await send(`${url}/ServiceModel/AuthService.svc/Login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserName: 'Supervisor', UserPassword: 'Supervisor' }),
    });
    expect(login.json.Code).toBe(0);
    const client = await oauthClient(url);
    expect((await client.get('$metadata')).text).toContain('Terrasoft.Configuration.OData');
    expect((await client.get("CaseStatus?$filter=Name eq 'Resolved'&$select=Id")).json.value).toEqual([{ Id: 'ae7f411e-f46b-1410-009b-0050ba5d6c38' }]);

    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('rejects a bad option with exit code 2 and says what is wrong', async () => {
    const run = runCli(['mock-creatio', '--port', 'abc']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/--port/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const run = runCli(['nope']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/Unknown command "nope"/);
  });

  it('reports a port in use with exit code 3', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'csl-cli-'));
    dirs.push(workspace);
    const first = runCli(['mock-creatio', '--port', '0', '--workspace', workspace, '--json']);
    const line = await new Promise<string>((resolve) => createInterface({ input: first.child.stdout }).once('line', resolve));
    const port = new URL((JSON.parse(line) as { url: string }).url).port;
    const second = runCli(['mock-creatio', '--port', port, '--workspace', `${workspace}-2`]);
    dirs.push(`${workspace}-2`);
    expect(await second.exit).toBe(3);
    expect(second.stderr()).toMatch(/EADDRINUSE|in use/);
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
  });
});
