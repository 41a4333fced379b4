import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunScenarioFn } from '../scenarios/run-scenarios';
import { findAll, parseXml } from '../scenarios/reporters/xml-parse.test-support';
import { runCommand } from './run.command';

const root = new URL('../..', import.meta.url).pathname;

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lab/cli/run.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

const GOOD = (name: string) => `name: ${name}\ntags: [smoke]\nsteps:\n  - start: { customer: ann, name: Ann }\n  - say: { customer: ann, text: hi }\n`;
const BROKEN = 'name: Broken on purpose\nsteps:\n  - start: { customer: ann, name: Ann }\n  - expect-message: { customer: ann, role: ai, count: lots }\n';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csl-run-cli-'));
  await writeFile(join(dir, 'broken.yaml'), BROKEN);
  await writeFile(join(dir, 'a-good.yaml'), GOOD('good one'));
  await writeFile(join(dir, 'b-good.yaml'), GOOD('another good one'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lab CLI: run (spawned)', () => {
  it('fails a deliberately broken file with exit 1, its file:line:column and message, and writes the JUnit report', async () => {
    const junit = join(dir, 'out', 'junit.xml');
    const result = await runCli(['run', join(dir, 'broken.yaml'), '--reporter-junit', junit, '--workers', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.yaml:4:55: expect-message\.count: expected number, received string/);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout.trimEnd().split('\n')).toContain('0 passed, 1 failed');
    const xml = parseXml(await readFile(junit, 'utf8'));
    expect(xml.attributes).toMatchObject({ tests: '1', errors: '1' });
    expect(findAll(xml, 'error')[0]!.attributes.message).toMatch(/broken\.yaml:4:55/);
  });

  it('exits 2 on a bad option, no scenario found, or a path that does not exist', async () => {
    const bad = await runCli(['run', dir, '--workers', 'zero']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers: expected a whole number/);
    const none = await runCli(['run', dir, '--grep', 'nothing-matches-this']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/none of the 3 scenario files matches/);
    const missing = await runCli(['run', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });
});

describe('lab CLI: run (in process, fake step executor)', () => {
  const passing: RunScenarioFn = async (scenario) => ({
    name: scenario.name, file: scenario.file, status: 'passed', durationMs: 3, timeline: [{ t: 0, lane: 'customer', type: 'chat.message-sent', summary: 'hi' }],
    steps: scenario.steps.map((step, index) => ({ index, action: step.action, title: step.action, line: scenario.stepLines[index]!, status: 'passed', durationMs: 1 })),
  });
  function capture() {
    let text = '';
    return { out: { write: (chunk: string) => (text += chunk), isTTY: false }, text: () => text };
  }

  it('exits 0 when all pass and writes the JSON and HTML reports', async () => {
    const { out, text } = capture();
    const json = join(dir, 'reports', 'results.json');
    const html = join(dir, 'reports', 'report.html');
    const code = await runCommand([dir, '--grep-invert', 'Broken', '--reporter-json', json, '--reporter-html', html], { runScenario: passing, out, cwd: dir, env: {} });
    expect(code).toBe(0);
    expect(text()).toContain('2 passed, 0 failed');
    const report = JSON.parse(await readFile(json, 'utf8')) as { passed: number; results: { name: string }[] };
    expect(report.passed).toBe(2);
    expect(report.results.map((r) => r.name)).toEqual(['good one', 'another good one']);
    expect(await readFile(html, 'utf8')).toContain('good one');
  });

  it('--list prints what would run and exits 1 when a file does not load; --shard selects', async () => {
    const { out, text } = capture();
    expect(await runCommand([dir, '--list'], { out, cwd: dir, env: {} })).toBe(1);
    expect(text()).toContain('a-good.yaml  good one  [smoke]');
    expect(text()).toContain('✗ broken.yaml:4:55:');
    expect(text()).toContain('3 scenarios, 1 not loading');
    const shard = capture();
    expect(await runCommand([dir, '--list', '--shard', '1/3'], { out: shard.out, cwd: dir, env: {} })).toBe(0);
    expect(shard.text()).toBe('  a-good.yaml  good one  [smoke]\n1 scenario\n');
  });

  it('runs an empty shard as a success that says so', async () => {
    const { out, text } = capture();
    expect(await runCommand([join(dir, 'a-good.yaml'), '--shard', '2/2'], { runScenario: passing, out, cwd: dir, env: {} })).toBe(0);
    expect(text()).toMatch(/Shard 2\/2 has nothing to run/);
  });
});
