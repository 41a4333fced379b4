import type { Dataset } from './activity-data';
import { createRandom } from './random';

/** The servers under test and the three benchmarked requests, in each server's own URL dialect. */

export type TargetName = 'simulator' | 'express' | 'node-http' | 'json-server';
export type ScenarioName = 'get-key' | 'list' | 'list-1' | 'post' | 'post-sustained';

export const TARGETS: readonly { name: TargetName; label: string }[] = [
  { name: 'simulator', label: 'simulator (mock-creatio)' },
  { name: 'express', label: 'bare Express 5' },
  { name: 'node-http', label: 'plain node:http' },
  { name: 'json-server', label: 'json-server 0.17' },
];

/**
 * `list-1` is the filtered list again with one connection: its p99 is the server's own latency.
 * With 10 connections a ~165 KB answer costs every server (even plain node:http) about 1 ms of
 * CPU, so p99 there is mostly the wait behind the other 9 requests.
 */
export const SCENARIOS: readonly { name: ScenarioName; label: string; connections?: number; sustained?: boolean }[] = [
  { name: 'get-key', label: 'GET by key' },
  { name: 'list', label: 'filtered list' },
  { name: 'list-1', label: 'filtered list', connections: 1 },
  { name: 'post', label: 'POST Activity' },
  { name: 'post-sustained', label: 'POST Activity, sustained', sustained: true },
];

/**
 * The sustained POST run ("persistence never blocks the event loop for more than 50 ms") is long
 * enough for the simulator to compact its log into the data files at least once; it runs on the
 * simulator at the largest size only (the baselines keep POSTs in memory, json-server takes seconds each).
 */
export function runsScenario(scenario: { sustained?: boolean }, target: TargetName, size: number, sizes: readonly number[]): boolean {
  // the bare Express app takes the sustained POST too: the same load with no persistence at all, for comparison
  return !scenario.sustained || ((target === 'simulator' || target === 'express') && size === Math.max(...sizes));
}

export interface RequestFactory {
  method: 'GET' | 'POST';
  next: () => { path: string; body?: string };
}

/** A fixed sample of existing keys, so every target is asked for the same records in the same order. */
function sample(items: readonly string[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  return Array.from({ length: Math.min(count, items.length) }, () => random.pick(items));
}

export function requestFactory(target: TargetName, scenario: ScenarioName, data: Dataset): RequestFactory {
  const odata = target !== 'json-server';
  if (scenario === 'get-key') {
    const keys = sample(data.rows.map((row) => String(row.Id)), 1000, 1);
    let i = 0;
    return {
      method: 'GET',
      next: () => {
        const id = keys[i++ % keys.length] ?? '';
        return { path: odata ? `/0/odata/Activity(${id})` : `/activities/${id}` };
      },
    };
  }
  const cases = sample(data.caseIds, 1000, 2);
  let i = 0;
  if (scenario === 'list' || scenario === 'list-1') {
    return {
      method: 'GET',
      next: () => {
        const id = cases[i++ % cases.length] ?? '';
        return {
          path: odata
            ? `/0/odata/Activity?$filter=CaseId%20eq%20${id}&$orderby=CreatedOn`
            : `/activities?CaseId=${id}&_sort=CreatedOn`,
        };
      },
    };
  }
  return {
    method: 'POST',
    next: () => {
      const n = i++;
      const body = JSON.stringify({ Title: `Bench activity ${n}`, CaseId: cases[n % cases.length] ?? '' });
      return { path: odata ? '/0/odata/Activity' : '/activities', body };
    },
  };
}
