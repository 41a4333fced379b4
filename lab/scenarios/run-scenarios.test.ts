import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun, planScenarioRun, type RunScenarioFn } from './run-scenarios';

const scenarioText = (name: string, tags: string[] = []) =>
  `name: ${name}\ntags: [${tags.join(', ')}]\ntimeout: 3s\nsteps:\n  - start: { customer: ann, name: Ann }\n  - say: { customer: ann, text: hi }\n`;

/** A fake step executor: passes unless the name says "fails"; records what it was given. */
function fakeRunner() {
  const calls: { name: string; timeout: number; workspaceRoot: string; keep?: boolean }[] = [];
  const run: RunScenarioFn = async (scenario, options) => {
    calls.push({ name: scenario.name, timeout: scenario.timeout, workspaceRoot: options.workspaceRoot, keep: options.keepWorkspace });
    await access(options.workspaceRoot);
    if (scenario.name.includes('throws')) throw new Error('lab did not start: port in use');
    const failed = scenario.name.includes('fails');
    const steps = scenario.steps.map((step, index) => ({
      index, action: step.action, title: `${step.action} step`, line: scenario.stepLines[index]!, durationMs: 1,
      status: failed && index === 1 ? ('failed' as const) : ('passed' as const),
      ...(failed && index === 1 ? { error: 'expected the AI reply; Authorization: Bearer abcdef123456' } : {}),
    }));
    for (const step of steps) options.onStep?.(step);
    return { name: scenario.name, file: scenario.file, status: failed ? 'failed' : 'passed', durationMs: 5, steps, timeline: [] };
  };
  return { run, calls };
}

describe('planScenarioRun + executeRun', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csl-runner-'));
    await writeFile(join(dir, '01-pass.yaml'), scenarioText('first passes', ['smoke']));
    await writeFile(join(dir, '02-fail.yaml'), scenarioText('second fails'));
    await writeFile(join(dir, '03-broken.yaml'), 'name: broken\nsteps:\n  - sai: { customer: ann, text: hi }\n');
    await writeFile(join(dir, '04-throws.yaml'), scenarioText('fourth throws'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs every scenario, turns a broken file and a throwing executor into failed results, in plan order', async () => {
    const plan = await planScenarioRun({ paths: ['.'], cwd: dir });
    expect(plan).toMatchObject({ found: 4, matched: 4 });
    const { run, calls } = fakeRunner();
    const ended: string[] = [];
    const steps: string[] = [];
    const { results, workspaceRoot } = await executeRun(plan.planned, {
      workers: 2, runScenario: run,
      listener: { onScenarioEnd: (r) => ended.push(r.name), onStepEnd: (entry, step) => steps.push(`${entry.name}:${step.index}`) },
    });
    expect(results.map((r) => [r.name, r.file, r.status])).toEqual([
      ['first passes', '01-pass.yaml', 'passed'], ['second fails', '02-fail.yaml', 'failed'],
      ['broken', '03-broken.yaml', 'failed'], ['fourth throws', '04-throws.yaml', 'failed'],
    ]);
    expect(results[2]!.error).toBe("03-broken.yaml:3:5: step 1: unknown step 'sai' — did you mean 'say'?");
    expect(results[3]!.error).toBe('the scenario could not run: lab did not start: port in use');
    expect(results[1]!.steps[1]!.error).toBe('expected the AI reply; Authorization: Bearer ***');
    expect(calls.map((c) => c.name).sort()).toEqual(['first passes', 'fourth throws', 'second fails']);
    expect(new Set(calls.map((c) => c.workspaceRoot)).size).toBe(3);
    for (const call of calls) expect(call.workspaceRoot.startsWith(workspaceRoot)).toBe(true);
    expect(ended.sort()).toEqual(['broken', 'first passes', 'fourth throws', 'second fails']);
    expect(steps).toContain('first passes:1');
    await expect(access(workspaceRoot)).rejects.toThrow();
  });

  it('overrides the timeout, keeps workspaces when asked, and filters with grep and shard', async () => {
    const plan = await planScenarioRun({ paths: [dir], cwd: dir, grep: /smoke|fails/, shard: { current: 2, total: 2 } });
    expect(plan).toMatchObject({ found: 4, matched: 2 });
    expect(plan.planned.map((p) => p.name)).toEqual(['second fails']);
    const { run, calls } = fakeRunner();
    const { workspaceRoot } = await executeRun(plan.planned, { workers: 1, runScenario: run, timeoutMs: 60_000, keepWorkspaces: true });
    expect(calls).toEqual([{ name: 'second fails', timeout: 60_000, workspaceRoot: join(workspaceRoot, '001-second-fails'), keep: true }]);
    await access(calls[0]!.workspaceRoot);
    await rm(workspaceRoot, { recursive: true, force: true });
  });

  it('greps a broken file by its file name and its readable name', async () => {
    const plan = await planScenarioRun({ paths: [dir], cwd: dir, grep: /broken/ });
    expect(plan.planned.map((p) => [p.file, p.load.ok])).toEqual([['03-broken.yaml', false]]);
  });
});
