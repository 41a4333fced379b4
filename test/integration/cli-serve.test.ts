import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { oauthClient, send } from '../support/creatio-client';

// `npm run lab -- serve`: the whole lab headless, as a user or a CI job starts it.
const root = new URL('../..', import.meta.url).pathname;
const EMAIL_TYPE = 'e2831dec-cfc0-df11-b00f-001d60e938c6'; // reference creatio-api.md §3.4
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

interface Ready { ready: true; creatio: string; webhook: string; ui: string; api: string; token: string; workspace: string; mode: string }

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', ...args], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
  });
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      resolve(line);
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  firstLine.catch(() => undefined); // runs expected to fail never read it
  return { child, exit, stderr: () => stderr, stdout: () => stdout, ready: async () => JSON.parse(await firstLine) as Ready };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csl-serve-'));
  dirs.push(dir);
  return dir;
}

/** Polls the site's process log (no event stream reaches a test from outside the process). */
async function processRuns(site: string): Promise<{ status: string; response?: { status: number } }[]> {
  for (;;) {
    const log = await send(`${site}/__lab/process-log`);
    if (log.json.entries.length > 0) return log.json.entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const processUrls = async (site: string) => ((await send(`${site}/__lab/processes`)).json.processes as { callWebService: { url: string } }[])
  .map((p) => p.callWebService.url);

describe('lab CLI: serve', () => {
  it('prints one JSON line when ready; the site, its processes and the webhook receiver work; SIGINT exits 0', async () => {
    const workspace = await tempDir();
    const run = runCli(['serve', '--workspace', workspace, '--port', '0', '--mode', 'handoff-only']);
    const ready = await run.ready();
    expect(ready).toMatchObject({ ready: true, workspace, mode: 'handoff-only' });
    for (const url of [ready.creatio, ready.ui, ready.api]) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(ready.webhook).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/backend\/creatio\/webhook\/\*\*\*$/);
    expect(ready.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The seed's two processes already call the engine's webhook (admin API shows the token masked).
    expect(await processUrls(ready.creatio)).toEqual([ready.webhook, ready.webhook]);
    const agent = await oauthClient(ready.creatio);
    const created = await agent.post('Case', { Subject: 'Raised by an agent' });
    expect(created.status, created.text).toBe(201);
    const activity = await agent.post('Activity', { Title: 'Note', Body: 'Hello', TypeId: EMAIL_TYPE, CaseId: created.json.Id });
    expect(activity.status, activity.text).toBe(201);
    // The engine answered the process's call: 200, a case no conversation has is ignored (seed webhook reference).
    const [run1] = await processRuns(ready.creatio);
    expect(run1).toMatchObject({ status: 'completed', response: { status: 200 } });
    expect((await send(ready.ui)).status).toBeGreaterThan(0);

    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stdout().trim().split('\n')).toHaveLength(1);
    expect(run.stderr()).toContain('Press Ctrl-C to stop.');
    expect(run.stderr()).not.toContain(ready.token);
    expect(run.stderr()).not.toContain('\u001b['); // NO_COLOR
    const settings = JSON.parse(await readFile(join(workspace, 'engine', 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ instanceUrl: ready.creatio, createCaseOnlyOnHandoff: true });

    // A second launch over the same workspace: new ports, processes follow the webhook receiver.
    const again = runCli(['serve', '--workspace', workspace]);
    const second = await again.ready();
    expect(second.mode).toBe('handoff-only');
    expect(second.webhook).not.toBe(ready.webhook);
    expect(await processUrls(second.creatio)).toEqual([second.webhook, second.webhook]);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });

  it('--temp-workspace makes a throwaway workspace, removed on exit', async () => {
    const run = runCli(['serve', '--temp-workspace', '--seed', '7']);
    const ready = await run.ready();
    await access(join(ready.workspace, 'lab.json'));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    await expect(access(ready.workspace)).rejects.toThrow(/ENOENT/);
  });

  it('--help prints the usage; bad options exit 2 naming the option', async () => {
    const help = runCli(['serve', '--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('Usage: npm run lab -- serve');
    for (const [args, message] of [[['--mode', 'sometimes'], /--mode/], [['--host', '0.0.0.0'], /--host/],
      [['--temp-workspace', '--workspace', 'w'], /together/]] as const) {
      const bad = runCli(['serve', ...args]);
      expect(await bad.exit).toBe(2);
      expect(bad.stderr()).toMatch(message);
    }
  });

  it('a port in use: a clear message and exit code 3', async () => {
    const first = runCli(['serve', '--temp-workspace']);
    const ready = await first.ready();
    const port = new URL(ready.ui).port;
    const second = runCli(['serve', '--temp-workspace', '--port', port]);
    expect(await second.exit).toBe(3);
    expect(second.stderr()).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}: the port is in use`));
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
  });
});
