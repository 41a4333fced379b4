import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario-result';
import { createConsoleReporter } from './console.reporter';
import { renderHtmlReport } from './html.reporter';
import { renderJsonReport } from './json.reporter';
import { renderJUnitReport } from './junit.reporter';
import type { RunInfo } from './report-format';
import { redactText } from './report-redact';
import { findAll, parseXml } from './xml-parse.test-support';

const HOSTILE = `</script><script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes' ]]>`;
const INFO: RunInfo = { startedAt: '2025-01-02T03:04:05.000Z', durationMs: 4321, workers: 2 };

const passed: ScenarioResult = {
  name: 'AI answers an order question', file: 'test/scenarios/ai.yaml', status: 'passed', durationMs: 1250,
  steps: [{ index: 0, action: 'say', title: 'ann says "Where is my order?"', line: 7, status: 'passed', durationMs: 30 }],
  timeline: [
    { t: 0, lane: 'customer', type: 'chat.message-sent', summary: 'Where is my order?' },
    { t: 12, lane: 'engine', type: 'case.created', summary: 'Case SR00001', caseId: 'c1' },
    { t: 40, lane: 'creatio', type: 'record.inserted', summary: HOSTILE },
    { t: 55, lane: 'process', type: 'process.ran', summary: 'agent-reply' },
    { t: 60, lane: 'webhook', type: 'webhook.received', summary: 'agent reply' },
    { t: 61, lane: 'customer', type: 'chat.message-shown', summary: 'agent: Hello' },
  ],
};
const failedAtStep: ScenarioResult = {
  name: HOSTILE, file: 'test/scenarios/handoff.yaml', status: 'failed', durationMs: 3000, timeline: [],
  steps: [
    { index: 0, action: 'say', title: 'ann says hi', line: 5, status: 'passed', durationMs: 10 },
    { index: 1, action: 'expect-case', title: `case has Subject ${HOSTILE}`, line: 9, status: 'failed', durationMs: 2000, error: `expected Subject "A" but found "B ${HOSTILE}"\nsecond line` },
    { index: 2, action: 'wait-idle', title: 'wait until idle', line: 12, status: 'skipped', durationMs: 0 },
  ],
};
const brokenFile: ScenarioResult = {
  name: 'test/scenarios/broken.yaml', file: 'test/scenarios/broken.yaml', status: 'failed', durationMs: 0, steps: [], timeline: [],
  error: "test/scenarios/broken.yaml:4:5: step 2: unknown step 'sai' — did you mean 'say'?",
};
const secondInSameFile: ScenarioResult = { ...passed, name: 'second one in ai.yaml', durationMs: 500 };
const ALL = [passed, failedAtStep, brokenFile, secondInSameFile];

describe('JUnit reporter', () => {
  it('parses as XML, has a testsuite per file and a testcase per scenario, and counts right', () => {
    const root = parseXml(renderJUnitReport(ALL, INFO));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '1', errors: '1', time: '4.321' });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors, s.attributes.time])).toEqual([
      ['test/scenarios/ai.yaml', '2', '0', '0', '1.750'],
      ['test/scenarios/handoff.yaml', '1', '1', '0', '3.000'],
      ['test/scenarios/broken.yaml', '1', '0', '1', '0.000'],
    ]);
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([passed.name, secondInSameFile.name, HOSTILE, brokenFile.name]);
    const failure = findAll(cases[2]!, 'failure')[0]!;
    expect(failure.attributes.message).toBe(`step 2 expect-case (test/scenarios/handoff.yaml:9): expected Subject "A" but found "B ${HOSTILE}" (+1 more line)`);
    expect(failure.attributes.type).toBe('expect-case');
    expect(failure.text).toContain('second line');
    expect(findAll(cases[3]!, 'error')[0]!.attributes.message).toContain('broken.yaml:4:5');
  });

  it('drops characters XML cannot carry instead of writing a broken file', () => {
    const weird = { ...failedAtStep, name: 'bell \u0007 and nul \u0000 here\uD83D' };
    const root = parseXml(renderJUnitReport([weird], INFO));
    expect(findAll(root, 'testcase')[0]!.attributes.name).toBe('bell  and nul  here');
  });
});

describe('HTML reporter', () => {
  const html = renderHtmlReport(ALL, INFO);

  it('is one self-contained file: no external script, style, image or link', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('prefers-color-scheme: dark');
  });

  it('escapes every text: a hostile scenario name or message injects no markup', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('shows the summary, every scenario with its steps, and the timeline with all five lanes', () => {
    expect(html).toContain('2 passed</span>');
    expect(html).toContain('2 failed</span>');
    expect(html.match(/<details class="scenario /g)).toHaveLength(4);
    expect(html).toContain('ann says &quot;Where is my order?&quot;');
    expect(html).toContain('status-skipped');
    for (const lane of ['customer', 'engine', 'creatio', 'process', 'webhook']) expect(html).toContain(`>${lane}</text>`);
    // Five lane changes in each of the two scenarios with this timeline: an arrow each; times relative to the scenario's start.
    expect(html.match(/class="message"/g)).toHaveLength(10);
    expect(html).toContain('+0.061s');
  });
});

describe('JSON reporter', () => {
  it('writes every result with events and redacts known secret shapes that slipped through', () => {
    const leaky: ScenarioResult = {
      ...passed,
      error: 'GET http://127.0.0.1:5000/backend/creatio/webhook/s3cr3t-t0ken?x=1 failed; Authorization: Bearer eyJhbGciOi.abc.def',
      events: [{
        seq: 1, at: '2025-01-02T03:04:05.000Z', source: 'creatio', type: 'request.logged',
        data: { body: '{"UserName":"Supervisor","UserPassword":"Supervisor"}', clientSecret: 'lab-client-secret-change-me', cookie: '.ASPXAUTH=ABCDEF123; BPMCSRF=xyz987', form: 'grant_type=client_credentials&client_secret=shh-123' },
      }],
    };
    const text = renderJsonReport([leaky, failedAtStep], INFO);
    const report = JSON.parse(text) as { passed: number; failed: number; results: ScenarioResult[] };
    expect(report).toMatchObject({ passed: 1, failed: 1, total: 2, workers: 2 });
    expect(report.results[0]!.events).toHaveLength(1);
    expect(report.results[0]!.timeline).toHaveLength(6);
    for (const secret of ['s3cr3t-t0ken', 'eyJhbGciOi', 'UserPassword":"Supervisor', 'lab-client-secret-change-me', 'ABCDEF123', 'xyz987', 'shh-123']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('/webhook/***');
    expect(text).toContain('"UserName\\":\\"Supervisor');
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('ann says "my password reset mail never came" to /webhooks list')).toBe('ann says "my password reset mail never came" to /webhooks list');
  });
});

describe('console reporter', () => {
  function capture(options: { color: boolean; live: boolean }) {
    let text = '';
    const reporter = createConsoleReporter({ out: { write: (chunk: string) => (text += chunk), columns: 100 }, ...options });
    return { reporter, text: () => text };
  }
  const entry = (name: string) => ({ file: 'f.yaml', name, tags: [], load: { ok: false as const, file: 'f.yaml', errors: [] } });

  it('prints a line per scenario as it ends, the failed step with file:line and error, and the summary; no escape codes when not live and no colour', () => {
    const { reporter, text } = capture({ color: false, live: false });
    reporter.begin({ total: 3, workers: 2 });
    reporter.onScenarioBegin!(entry('a'), 0);
    reporter.onScenarioEnd!(failedAtStep, 1);
    reporter.onScenarioEnd!(passed, 0);
    reporter.onScenarioEnd!(brokenFile, 2);
    reporter.end([passed, failedAtStep, brokenFile], { durationMs: 4321 });
    const out = text();
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\r');
    expect(out).toContain('✓ AI answers an order question  test/scenarios/ai.yaml  1.3s');
    expect(out).toContain('      step 2 expect-case (test/scenarios/handoff.yaml:9): case has Subject');
    expect(out).toContain("      test/scenarios/broken.yaml:4:5: step 2: unknown step 'sai' — did you mean 'say'?");
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
    expect(out.indexOf('✗ </script>')).toBeLessThan(out.indexOf('✓ AI answers'));
  });

  it('on a live terminal keeps a status line of what runs, and colours the marks', () => {
    const { reporter, text } = capture({ color: true, live: true });
    reporter.begin({ total: 1, workers: 1 });
    reporter.onScenarioBegin!(entry('slow one'), 0);
    reporter.onStepEnd!(entry('slow one'), passed.steps[0]!, 0);
    expect(text()).toContain('running: slow one › ann says');
    reporter.onScenarioEnd!(passed, 0);
    reporter.end([passed], { durationMs: 1 });
    expect(text()).toContain('\x1b[32m✓\x1b[0m');
    expect(text()).toContain('\r\x1b[2K');
  });
});
