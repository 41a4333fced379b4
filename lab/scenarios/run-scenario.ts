/**
 * NOT BUILT YET (stub, replaced in issue 5 by the step executor): runs one scenario in its own
 * fresh lab. This stub fails every scenario, saying so.
 */
import type { Scenario } from './scenario.schema';
import type { ScenarioResult, StepResult } from './scenario-result';

export interface RunScenarioOptions {
  /** Folder under which the scenario's own throwaway workspace is made (and removed afterwards unless `keepWorkspace`). */
  workspaceRoot: string;
  keepWorkspace?: boolean;
  /** Called as each step ends (the live progress display). */
  onStep?: (step: StepResult) => void;
}

export async function runScenario(scenario: Scenario, options: RunScenarioOptions): Promise<ScenarioResult> {
  void options;
  return {
    name: scenario.name, file: scenario.file, status: 'failed', durationMs: 0, steps: [], timeline: [],
    error: 'the step executor is not built yet (lab/scenarios/run-scenario.ts is a stub)',
  };
}
