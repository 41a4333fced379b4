/** Messages between the bench (parent) and a server under test (child process, over IPC). */

/** How the parent configures a child: passed as JSON in argv[2]. */
export interface TargetConfig {
  /** JSON file with the Dataset (rows + caseIds). */
  dataFile: string;
  /** A private temp folder for the target's files (workspace, db.json). */
  workDir: string;
}

export type ToChild = { type: 'stats'; id: number } | { type: 'reset-loop' } | { type: 'stop' };

export interface ServerStats {
  /** Bytes. */
  rss: number;
  heapUsed: number;
  /** Event-loop delay since the last reset-loop, milliseconds (perf_hooks.monitorEventLoopDelay). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** The longest garbage-collection pause since the last reset-loop (PerformanceObserver 'gc'). */
  gcMaxMs?: number;
  /** Log compactions the server finished since the last reset-loop (the simulator only). */
  compactions?: number;
  /**
   * The longest stretch of synchronous persistence work on the event loop since the last reset-loop
   * (the simulator only: its store times it, garbage collection apart; mock-creatio/store/step-timer.ts).
   */
  persistenceMaxMs?: number;
  /** That step's wall time, with the garbage-collection pauses that struck inside it. */
  persistenceWallMaxMs?: number;
}

export type FromChild =
  | { type: 'ready'; url: string; headers: Record<string, string>; loadMs: number; phases: Record<string, number> }
  | { type: 'stats'; id: number; stats: ServerStats }
  | { type: 'failed'; message: string };
