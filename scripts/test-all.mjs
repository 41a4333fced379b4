#!/usr/bin/env node
// `npm test`: type-check, lint, unit + integration tests (vitest), end-to-end tests (Playwright).
// Every step runs even when an earlier one fails, so one run shows every problem. The last line is
// the plain total CI reads: "N passed, N failed" (type-check and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tmp = join(root, '.tmp', 'test-results');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].map((a) => a.replace(root, '')).join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function check(label, command, args) {
  const ok = run(label, command, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

check('type-check', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['--max-warnings=0', '.']);

const vitestJson = join(tmp, 'vitest.json');
const vitestStatus = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests + (v.numFailedTestSuites > 0 && v.numFailedTests === 0 ? v.numFailedTestSuites : 0);
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numFailedTestSuites} failed files`);
} else {
  totals.failed += 1;
  lines.push(`vitest: no report (exit ${vitestStatus})`);
}
if (v && vitestStatus !== 0 && v.numFailedTests === 0 && v.numFailedTestSuites === 0) {
  totals.failed += 1;
  lines.push(`vitest: exited ${vitestStatus}`);
}

// The scenario library (test/scenarios), through the same `run` command QA uses: each scenario counts as a test.
const scenariosJson = join(tmp, 'scenarios.json');
const scenariosStatus = run('scenarios', 'npm', ['run', '--silent', 'lab', '--', 'run', 'test/scenarios', '--reporter-json', scenariosJson]);
const sc = readJson(scenariosJson);
if (sc && typeof sc.passed === 'number' && typeof sc.failed === 'number') {
  totals.passed += sc.passed;
  totals.failed += sc.failed;
  lines.push(`scenarios: ${sc.passed} passed, ${sc.failed} failed`);
  if (scenariosStatus !== 0 && sc.failed === 0) {
    totals.failed += 1;
    lines.push(`scenarios: exited ${scenariosStatus}`);
  }
} else {
  totals.failed += 1;
  lines.push(`scenarios: no report (exit ${scenariosStatus})`);
}

const pwJson = join(tmp, 'playwright.json');
const pwStatus = run('playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
const p = existsSync(pwJson) ? readJson(pwJson) : undefined;
if (p?.stats) {
  const failed = p.stats.unexpected + (p.errors?.length ?? 0);
  totals.passed += p.stats.expected + p.stats.flaky;
  totals.failed += failed;
  totals.skipped += p.stats.skipped;
  lines.push(`playwright: ${p.stats.expected + p.stats.flaky} passed, ${failed} failed`);
} else {
  totals.failed += 1;
  lines.push(`playwright: no report (exit ${pwStatus})`);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
