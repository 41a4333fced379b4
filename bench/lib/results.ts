import type { ServerStats } from './ipc';
import type { LoadResult } from './load';
import type { ScenarioName, TargetName } from './scenarios';

/** Everything one bench run measured; the report and the verdicts are computed from this. */

export interface RunRow {
  target: TargetName;
  scenario: ScenarioName;
  size: number;
  connections: number;
  result?: LoadResult;
  /** Event-loop delay inside the server process during this run. */
  loop?: { maxMs: number; p99Ms: number; gcMaxMs?: number; persistenceMaxMs?: number; persistenceWallMaxMs?: number };
  /** Log compactions the simulator finished during this run. */
  compactions?: number;
  error?: string;
}

export interface MemoryRow {
  target: TargetName;
  size: number;
  /** Process start to ready: data load (and, for the simulator, prefill + restart). */
  loadMs?: number;
  phases?: Record<string, number>;
  loaded?: ServerStats;
  after?: ServerStats;
  error?: string;
}

export interface BenchResults {
  quick: boolean;
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; memoryGiB: number; loadAverage: number };
  sizes: number[];
  runs: RunRow[];
  memory: MemoryRow[];
}

export function findRun(results: BenchResults, target: TargetName, scenario: ScenarioName, size: number): RunRow | undefined {
  return results.runs.find((r) => r.target === target && r.scenario === scenario && r.size === size);
}
