import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { Dataset } from '../lib/activity-data';
import type { FromChild, TargetConfig, ToChild } from '../lib/ipc';

/**
 * The common body of every server-under-test script: load the data, start the server, then answer
 * the parent's stats / reset-loop / stop messages over IPC. Runs in its own process so the server
 * does not share an event loop (or a core) with the load generator.
 */

export interface StartedTarget {
  url: string;
  /** Headers every request must carry (e.g. a bearer token). */
  headers?: Record<string, string>;
  /** Named start-up phases in milliseconds (e.g. the simulator's prefill and reload). */
  phases?: Record<string, number>;
  /** Log compactions finished since start (the simulator), for the stats. */
  compactions?: () => number;
  /** The longest synchronous persistence step since the last reset, and the reset (the simulator). */
  persistence?: { stats: () => { longestStepMs: number; longestStepWithPausesMs: number }; reset: () => void };
  close(): Promise<void>;
}

export type StartTarget = (data: Dataset, config: TargetConfig) => Promise<StartedTarget>;

function send(message: FromChild): void {
  process.send?.(message);
}

export async function loadDataset(file: string): Promise<Dataset> {
  return JSON.parse(await readFile(file, 'utf8')) as Dataset;
}

export function runTarget(start: StartTarget): void {
  const config = JSON.parse(process.argv[2] ?? '{}') as TargetConfig;
  // 1 ms resolution: the target is "never blocks for more than 50 ms", so finer is not needed
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // GC pauses stop the event loop too: measured apart, so a stall can be told from persistence's own work.
  let gcMaxMs = 0;
  let measuringGc = true;
  new PerformanceObserver((list) => {
    if (!measuringGc) return;
    for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }).observe({ entryTypes: ['gc'] });
  const boot = async (): Promise<void> => {
    const started = performance.now();
    const data = await loadDataset(config.dataFile);
    const target = await start(data, config);
    const loadMs = performance.now() - started;
    let compactionsAtReset = target.compactions?.() ?? 0;
    process.on('message', (raw) => {
      const message = raw as ToChild;
      if (message.type === 'reset-loop') {
        loop.reset();
        gcMaxMs = 0;
        measuringGc = true;
        compactionsAtReset = target.compactions?.() ?? 0;
        target.persistence?.reset();
      }
      if (message.type === 'stats') {
        const loopMaxMs = loop.max / 1e6;
        const loopP99Ms = loop.percentile(99) / 1e6;
        const gcMax = gcMaxMs;
        measuringGc = false; // the forced collection below is the bench's, not the run's
        // a full collection first (the child runs with --expose-gc) so heap figures are live data
        (globalThis as { gc?: () => void }).gc?.();
        const memory = process.memoryUsage();
        send({
          type: 'stats',
          id: message.id,
          stats: {
            rss: memory.rss,
            heapUsed: memory.heapUsed,
            loopMaxMs,
            loopP99Ms,
            gcMaxMs: gcMax,
            ...(target.compactions ? { compactions: target.compactions() - compactionsAtReset } : {}),
            ...(target.persistence
              ? { persistenceMaxMs: target.persistence.stats().longestStepMs, persistenceWallMaxMs: target.persistence.stats().longestStepWithPausesMs }
              : {}),
          },
        });
      }
      if (message.type === 'stop') void target.close().finally(() => process.exit(0));
    });
    send({ type: 'ready', url: target.url, headers: target.headers ?? {}, loadMs, phases: target.phases ?? {} });
  };
  // the parent going away (even killed) must not leave a server behind
  process.on('disconnect', () => process.exit());
  boot().catch((error: unknown) => {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  });
}
