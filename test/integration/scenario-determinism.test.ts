/**
 * Determinism (issue 5 "Scenarios"): the same scenario run twice with the same seed gives the same
 * timeline — the same hops in the same lanes, in the same steps, with the same summaries and ids —
 * apart from timestamps and from the order of hops that happen concurrently within a step
 * (canonicalTimeline in lab/scenarios/timeline.ts says why).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalTimeline, loadScenarioFile, runScenario, type Scenario, type ScenarioResult } from '../../lab';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'csl-determinism-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function load(path: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} did not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.scenario;
}

const SCENARIO = 'test/scenarios/transcript-as-calls-no-echo.yaml';

function passed(result: ScenarioResult): ScenarioResult {
  const failures = result.steps.filter((s) => s.status === 'failed').map((s) => `${s.title}: ${s.error}`);
  expect({ error: result.error, failures }).toEqual({ error: undefined, failures: [] });
  return result;
}

describe('a scenario run twice with the same seed', () => {
  it('gives the same timeline apart from timestamps', async () => {
    const scenario = await load(SCENARIO);
    const first = passed(await runScenario(scenario, { workspaceRoot: root }));
    const second = passed(await runScenario(scenario, { workspaceRoot: root }));
    expect(first.timeline.length).toBeGreaterThan(10);
    const actions = scenario.steps.map((step) => step.action);
    expect(canonicalTimeline(second.timeline, actions)).toEqual(canonicalTimeline(first.timeline, actions));
  });

  it('gives other ids with another seed', async () => {
    const scenario = await load(SCENARIO);
    const first = passed(await runScenario(scenario, { workspaceRoot: root }));
    const other = passed(await runScenario({ ...scenario, seed: scenario.seed + 1 }, { workspaceRoot: root }));
    const caseIds = (r: ScenarioResult) => [...new Set(r.timeline.map((hop) => hop.caseId).filter(Boolean))];
    expect(caseIds(first)).toHaveLength(1);
    expect(caseIds(other)).not.toEqual(caseIds(first));
  });
});
