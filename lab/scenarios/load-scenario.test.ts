import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLoadErrors, loadScenarioFile, parseScenarioText, type LoadResult } from './load-scenario';

const GOOD = `# yaml-language-server: $schema=../../docs/scenario.schema.json
name: AI answers an order question
tags: [ai, smoke]
mode: handoff-only
timeout: 5s
steps:
  - start: { customer: ann, name: Ann Lee, email: ann@example.com }
  - say: { customer: ann, text: Where is my order? }
  - expect-message:
      customer: ann
      role: ai
      contains: order
      timeout: 2s
  - odata:
      path: Case?$filter=Id eq \${case.ann}
      save: { caseNumber: value/0/Number }
  - agent-reply: { customer: ann, text: "Number \${saved.caseNumber}" }
  - fault: { down: 1.5s }
  - clear-faults: {}
`;

function errorsOf(result: LoadResult) {
  if (result.ok) throw new Error('expected the file to fail to load');
  return result.errors;
}

describe('parseScenarioText', () => {
  it('loads a good file: defaults, durations, steps as {action, options} and their lines', () => {
    const result = parseScenarioText(GOOD, 'test/scenarios/good.yaml');
    if (!result.ok) throw new Error(formatLoadErrors(result.errors));
    const { scenario } = result;
    expect(scenario).toMatchObject({ name: 'AI answers an order question', tags: ['ai', 'smoke'], mode: 'handoff-only', seed: 1, timeout: 5000, file: 'test/scenarios/good.yaml' });
    expect(scenario.steps.map((s) => s.action)).toEqual(['start', 'say', 'expect-message', 'odata', 'agent-reply', 'fault', 'clear-faults']);
    expect(scenario.steps[0]).toEqual({ action: 'start', options: { customer: 'ann', name: 'Ann Lee', email: 'ann@example.com', channel: 'web' } });
    expect(scenario.steps[2]!.options).toMatchObject({ timeout: 2000 });
    expect(scenario.steps[3]!.options).toMatchObject({ method: 'GET' });
    expect(scenario.steps[5]!.options).toEqual({ down: 1500 });
    expect(scenario.stepLines).toEqual([7, 8, 9, 14, 17, 18, 19]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const [error] = errorsOf(parseScenarioText('name: x\nsteps:\n  - say: { customer: ann, text: "hi }\n  - wait-idle: {}\n', 'bad.yaml'));
    expect(error).toMatchObject({ file: 'bad.yaml', line: 5, column: 1 });
    expect(error!.message).toMatch(/^YAML syntax error: Missing closing "quote$/);
  });

  it('reports a duplicate key as a syntax error at the second key', () => {
    const [error] = errorsOf(parseScenarioText('name: x\nname: y\nsteps: []\n', 'dup.yaml'));
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(error!.message).toMatch(/unique/);
  });

  it('names an unknown action, suggests the close ones, and points at it', () => {
    const text = 'name: x\nsteps:\n  - start: { customer: ann, name: Ann }\n  - sai: { customer: ann, text: hi }\n';
    const [error] = errorsOf(parseScenarioText(text, 'typo.yaml'));
    expect(error).toMatchObject({ line: 4, column: 5 });
    expect(error!.message).toBe("step 2: unknown step 'sai' — did you mean 'say'?");
    expect(errorsOf(parseScenarioText('name: x\nsteps:\n  - zzzzzzzz: {}\n', 'f.yaml'))[0]!.message).toMatch(/known steps: start, say/);
  });

  it('reports a bad field type at the line and column of the value', () => {
    const text = 'name: x\nsteps:\n  - start: { customer: ann, name: Ann }\n  - expect-message:\n      customer: ann\n      role: ai\n      count: many\n';
    const [error] = errorsOf(parseScenarioText(text, 'type.yaml'));
    expect(error).toMatchObject({ line: 7, column: 14 });
    expect(error!.message).toBe('expect-message.count: expected number, received string');
  });

  it('reports a missing option, an unknown option with a suggestion, a bad enum and a bad duration', () => {
    const text = [
      'name: x', 'steps:', '  - start: { customer: ann, name: Ann, channel: fax }', '  - say: { customer: ann }',
      '  - expect-case: { customer: ann, feilds: {} }', '  - wait-idle: { timeout: soon }', '',
    ].join('\n');
    const errors = errorsOf(parseScenarioText(text, 'many.yaml'));
    expect(formatLoadErrors(errors)).toBe([
      'many.yaml:3:49: start.channel: Invalid option: expected one of "web"|"email"|"sms"|"whatsapp"',
      "many.yaml:4:10: say: missing required option 'text'",
      "many.yaml:5:35: expect-case: unknown option 'feilds' — did you mean 'fields'?",
      'many.yaml:6:27: wait-idle.timeout: must be a duration like 500ms, 2s, 5m or 25h',
    ].join('\n'));
  });

  it('explains a step with two keys (options not indented under the action)', () => {
    const text = 'name: x\nsteps:\n  - start: { customer: ann, name: Ann }\n  - say:\n    customer: ann\n';
    const [error] = errorsOf(parseScenarioText(text, 'two.yaml'));
    expect(error).toMatchObject({ line: 5, column: 5 });
    expect(error!.message).toBe("step 2: has 2 keys ('say', 'customer'): a step is exactly one action key; indent the options under 'say:'");
  });

  it('rejects a step that is not a mapping, and a bare action name', () => {
    expect(errorsOf(parseScenarioText('name: x\nsteps:\n  - 42\n', 'f.yaml'))[0]).toMatchObject({ line: 3, column: 5, message: expect.stringMatching(/must be a mapping with one action key/) });
    expect(errorsOf(parseScenarioText('name: x\nsteps:\n  - wait-idle\n', 'f.yaml'))[0]!.message).toMatch(/`- wait-idle: \{\}`/);
  });

  it('rejects a customer alias no earlier start step started, at the alias', () => {
    const text = 'name: x\nsteps:\n  - start: { customer: ann, name: Ann }\n  - say: { customer: bob, text: hi }\n';
    const [error] = errorsOf(parseScenarioText(text, 'alias.yaml'));
    expect(error).toMatchObject({ line: 4, column: 22 });
    expect(error!.message).toBe("step 2 (say): customer 'bob' is not started: add a `start` step for 'bob' before this one (started so far: ann)");
  });

  it('rejects a start after its use, a second start of one alias, and unknown or early references', () => {
    const text = [
      'name: x', 'steps:', '  - say: { customer: ann, text: hi }', '  - start: { customer: ann, name: Ann }', '  - start: { customer: ann, name: Ann }',
      '  - odata: { path: "Case(${case.bob})" }', '  - odata: { path: "${saved.n}/${caze.ann}/${webhookToken}/${webhookTokn}" }', '',
    ].join('\n');
    const messages = errorsOf(parseScenarioText(text, 'refs.yaml')).map((e) => `${e.line}: ${e.message}`);
    expect(messages[0]).toMatch(/^3: step 1 \(say\): customer 'ann' is not started/);
    expect(messages[1]).toMatch(/^5: .*'ann' was already started at line 4/);
    expect(messages[2]).toMatch(/^6: .*\$\{case\.bob\}: customer 'bob' is not started/);
    expect(messages[3]).toMatch(/^7: .*\$\{saved\.n\} is not saved by an earlier `odata` step/);
    expect(messages[4]).toMatch(/^7: .*unknown reference \$\{caze\.ann\} — did you mean 'case'\?/);
    expect(messages[5]).toMatch(/^7: .*unknown reference \$\{webhookTokn\} — did you mean 'webhookToken'\?/);
    expect(messages).toHaveLength(6);
  });

  it('reports top-level mistakes: unknown key with a suggestion, no steps, not a mapping', () => {
    expect(formatLoadErrors(errorsOf(parseScenarioText('name: x\nstep:\n  - wait-idle: {}\n', 'top.yaml')))).toBe(
      "top.yaml:1:1: missing required option 'steps'\ntop.yaml:2:1: unknown option 'step' — did you mean 'steps'?",
    );
    expect(errorsOf(parseScenarioText('name: x\nsteps: []\n', 'f.yaml'))[0]).toMatchObject({ line: 2, column: 8, message: 'steps: needs at least one step' });
    expect(errorsOf(parseScenarioText('- a\n', 'f.yaml'))[0]!.message).toMatch(/is a mapping with at least `name:` and `steps:`/);
    expect(errorsOf(parseScenarioText('', 'empty.yaml'))[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('keeps the name and tags of a broken file when they are readable', () => {
    const result = parseScenarioText('name: Broken one\ntags: [x]\nsteps:\n  - nope: {}\n', 'b.yaml');
    expect(result).toMatchObject({ ok: false, name: 'Broken one', tags: ['x'] });
  });
});

describe('loadScenarioFile', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('reads a file and names it relative to cwd; an unreadable file is a load error, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csl-load-'));
    dirs.push(dir);
    await writeFile(join(dir, 'one.yaml'), GOOD);
    const result = await loadScenarioFile(join(dir, 'one.yaml'), { cwd: dir });
    expect(result.ok && result.scenario.file).toBe('one.yaml');
    const missing = await loadScenarioFile(join(dir, 'missing.yaml'), { cwd: dir });
    expect(missing).toMatchObject({ ok: false, file: 'missing.yaml', errors: [{ line: 1, column: 1, message: expect.stringMatching(/cannot read/) }] });
  });
});
