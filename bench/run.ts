import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FALLBACK_COLUMNS, generateActivities, type ColumnShape, type Dataset } from './lib/activity-data';
import { runLoad } from './lib/load';
import { formatConsole, formatMarkdown } from './lib/report';
import type { BenchResults, MemoryRow, RunRow } from './lib/results';
import { requestFactory, runsScenario, SCENARIOS, TARGETS, type ScenarioName, type TargetName } from './lib/scenarios';
import { startTarget, type TargetProcess } from './lib/target-process';
import { benchEngine, type EnginePlan } from './sync-engine/engine-bench';
import { extractEngineSection, formatEngineConsole, formatEngineMarkdown, mergeEngineSection } from './sync-engine/engine-report';
import type { EngineResults } from './sync-engine/engine-stats';
import { benchReplies, type ReplyPlan } from './sync-engine/reply-bench';
import { extractRepliesSection, formatRepliesConsole, formatRepliesMarkdown, mergeRepliesSection } from './sync-engine/reply-report';
import { extractSection, mergeSection } from './lab-suite/doc-section';
import { formatLabConsole, formatLabMarkdown } from './lab-suite/lab-report';
import { benchScenarioThroughput } from './lab-suite/scenario-throughput';
import { benchServeReady } from './lab-suite/serve-ready';

/**
 * `npm run bench`: the simulator beside a bare Express 5 handler, a plain node:http server and
 * json-server 0.17, at 1,000 and 100,000 activities. Measures and prints; never fails on a target.
 * Then the sync engine (bench/sync-engine/): customer message to activity in Creatio at 1, 10 and 50
 * conversations, and sustained messages per second. Then agent replies (issue 4): an Email activity written
 * in Creatio to the reply delivered in the chat, at 1 and 10 agents.
 *   --quick          smoke run (1,000 and 10,000 activities, 1 s runs; engine: 2 s levels; replies: 2 s rows); does not write the docs
 *   --suite s        site, engine, replies, lab or all (default all)
 *   --engine-concurrency n   the engine's Creatio requests in flight (default: the engine's own, 50)
 *   --engine-batch n         the engine's batchLimit: outbox items per $batch (default: the engine's own; 1: no batching)
 *   --engine-batches n       the engine's batchesInFlight: most shared $batch requests at once when full batches wait (default: the engine's own, 4)
 *   --engine-levels n,m      only these latency levels (conversations), and no sustained runs: for profiling one level
 *   --targets a,b    only these servers (simulator, express, node-http, json-server)
 *   --sizes n,m      other data sizes (for exploring; the verdicts take the smallest and largest)
 *   --no-write       do not write docs/performance.md
 *   --cpu-prof DIR   write a V8 CPU profile of each server process into DIR (open it in Chrome DevTools)
 */

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    targets: { type: 'string' },
    sizes: { type: 'string' },
    'cpu-prof': { type: 'string' },
    suite: { type: 'string', default: 'all' },
    'engine-concurrency': { type: 'string' },
    'engine-batch': { type: 'string' },
    'engine-levels': { type: 'string' },
    'engine-batches': { type: 'string' },
  },
});
const write = !flags.quick && !flags['no-write'];
const only = flags.targets?.split(',');
const NODE_ARGS = flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(flags['cpu-prof'])}`] : [];

// sustainedSeconds: the sustained POST run, long enough for the simulator to compact its log at least once
const PLAN = flags.quick
  ? { sizes: [1_000, 10_000], seconds: 1, warmup: 0.5, slowPosts: 3, sustainedSeconds: 8 }
  : { sizes: [1_000, 100_000], seconds: 5, warmup: 1, slowPosts: 10, sustainedSeconds: 40 };
if (flags.sizes) PLAN.sizes = flags.sizes.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SUITES = ['site', 'engine', 'replies', 'lab'] as const;
const SUITE = SUITES.find((s) => s === flags.suite) ?? 'all';
const runs = (suite: (typeof SUITES)[number]): boolean => SUITE === 'all' || SUITE === suite;
if (flags.suite !== SUITE) console.warn(`! unknown --suite ${flags.suite}: running all`);
const ENGINE_PLAN: EnginePlan = flags.quick
  ? { levels: [1, 10, 50], levelSeconds: 2, throughputConversations: 50, throughputDepth: 4, throughputSeconds: 4, drainTimeoutMs: 10_000 }
  : { levels: [1, 10, 50], levelSeconds: 5, throughputConversations: 50, throughputDepth: 4, throughputSeconds: 10, drainTimeoutMs: 30_000 };
if (flags['engine-levels']) {
  ENGINE_PLAN.levels = flags['engine-levels'].split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  ENGINE_PLAN.throughputSeconds = 0;
}
// paced (the target's condition: 10 and 100 replies/s), then each agent as fast as its replies are delivered
const REPLY_LEVELS = [{ agents: 1, intervalMs: 100 }, { agents: 10, intervalMs: 100 }, { agents: 1 }, { agents: 10 }];
const REPLY_PLAN: ReplyPlan = flags.quick
  ? { levels: REPLY_LEVELS, conversations: 20, seconds: 2, warmupSeconds: 0.5, deliveryTimeoutMs: 10_000 }
  : { levels: REPLY_LEVELS, conversations: 20, seconds: 20, warmupSeconds: 1, deliveryTimeoutMs: 30_000 };
const engineConcurrency = Number(flags['engine-concurrency']);
if (Number.isInteger(engineConcurrency) && engineConcurrency > 0) ENGINE_PLAN.concurrency = engineConcurrency;
const engineBatch = Number(flags['engine-batch']);
if (Number.isInteger(engineBatch) && engineBatch > 0) ENGINE_PLAN.batchLimit = engineBatch;
const engineBatches = Number(flags['engine-batches']);
if (Number.isInteger(engineBatches) && engineBatches > 0) ENGINE_PLAN.batchesInFlight = engineBatches;
// issue 5's aim: 200 scenarios in under 30 s; the worker counts show where in-process concurrency stops paying
const LAB_PLAN = flags.quick ? { readyRuns: 2, scenarios: 50, workers: [4] } : { readyRuns: 5, scenarios: 200, workers: [2, 4, 8] };
const CONNECTIONS = 10;
const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

const running = new Set<{ stop(): Promise<void> }>();
let tmpDir: string | undefined;

/** Stops every server still running and removes the temp folder (also on Ctrl-C). */
async function cleanUp(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
  if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
}

/** The simulator's own Activity columns (so every server answers the same rows), or a fixed copy. */
async function activityColumns(tmp: string): Promise<ColumnShape[]> {
  try {
    const { startMockCreatio } = await import('../mock-creatio/index');
    const mock = await startMockCreatio({ workspace: join(tmp, 'columns'), durability: 'none' });
    const columns = mock.store.table('Activity')?.entity.columns;
    await mock.close();
    if (columns) return columns.map((c) => ({ name: c.name, type: c.type, ...(c.maxLength ? { maxLength: c.maxLength } : {}) }));
  } catch (error) {
    console.warn(`! simulator unavailable for its column list, using the fixed list: ${String(error)}`);
  }
  return FALLBACK_COLUMNS;
}

async function measure(server: TargetProcess, target: TargetName, scenario: ScenarioName, data: Dataset, size: number): Promise<RunRow> {
  const factory = requestFactory(target, scenario, data);
  const slow = target === 'json-server' && scenario === 'post';
  // json-server rewrites its whole file per write: one connection, and a bounded count when that is seconds each
  const connections = slow ? 1 : (SCENARIOS.find((s) => s.name === scenario)?.connections ?? CONNECTIONS);
  const bounded = slow && size >= 10_000;
  const spec = { url: server.url, headers: server.headers, method: factory.method, next: factory.next, connections };
  const sustained = SCENARIOS.find((s) => s.name === scenario)?.sustained === true;
  if (!bounded && !sustained) await runLoad({ ...spec, seconds: PLAN.warmup });
  server.resetLoopDelay();
  const seconds = sustained ? PLAN.sustainedSeconds : PLAN.seconds;
  const result = await runLoad(bounded ? { ...spec, amount: PLAN.slowPosts } : { ...spec, seconds });
  const stats = await server.stats();
  const loop = {
    maxMs: stats.loopMaxMs, p99Ms: stats.loopP99Ms, ...(stats.gcMaxMs === undefined ? {} : { gcMaxMs: stats.gcMaxMs }),
    ...(stats.persistenceMaxMs === undefined ? {} : { persistenceMaxMs: stats.persistenceMaxMs }),
    ...(stats.persistenceWallMaxMs === undefined ? {} : { persistenceWallMaxMs: stats.persistenceWallMaxMs }),
  };
  return { target, scenario, size, connections, result, loop, ...(stats.compactions === undefined ? {} : { compactions: stats.compactions }) };
}

async function benchTarget(target: TargetName, data: Dataset, size: number, tmp: string, results: BenchResults): Promise<void> {
  const workDir = join(tmp, `${target}-${size}`);
  await mkdir(workDir, { recursive: true });
  const memory: MemoryRow = { target, size };
  results.memory.push(memory);
  let server: TargetProcess | undefined;
  try {
    console.log(`  ${target}: starting`);
    server = await startTarget(target, { dataFile: join(tmp, `data-${size}.json`), workDir }, NODE_ARGS);
    running.add(server);
    memory.loadMs = server.loadMs;
    memory.phases = server.phases;
    memory.loaded = await server.stats();
    for (const scenario of SCENARIOS) {
      if (!runsScenario(scenario, target, size, PLAN.sizes)) continue;
      const row = await measure(server, target, scenario.name, data, size).catch(
        (error: unknown): RunRow => ({ target, scenario: scenario.name, size, connections: 0, error: String(error) }),
      );
      results.runs.push(row);
      const r = row.result;
      const loop = row.loop && scenario.name.startsWith('post') && target !== 'json-server'
        ? `; loop max ${row.loop.maxMs.toFixed(1)} ms, p99 ${row.loop.p99Ms.toFixed(1)} ms${row.compactions === undefined ? '' : `, ${row.compactions} compactions`}`
          + `${row.loop.gcMaxMs === undefined ? '' : `, longest GC pause ${row.loop.gcMaxMs.toFixed(1)} ms`}`
          + `${row.loop.persistenceMaxMs === undefined ? '' : `, longest persistence step ${row.loop.persistenceMaxMs.toFixed(1)} ms`}`
        : '';
      console.log(`  ${target} ${scenario.label} (${row.connections} conn): ${r ? `${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms${r.failed ? `, ${r.failed} failed` : ''}${loop}` : row.error}`);
    }
    memory.after = await server.stats();
  } catch (error) {
    memory.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`  ${target}: not measured: ${memory.error}`);
  } finally {
    if (server) {
      await server.stop();
      running.delete(server);
    }
    await rm(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(os.tmpdir(), 'case-sync-bench-'));
  tmpDir = tmp;
  const results: BenchResults = {
    quick: flags.quick,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      // other work on the machine skews every figure; the report shows this so a reader can tell
      loadAverage: os.loadavg()[0] ?? 0,
    },
    sizes: PLAN.sizes,
    runs: [],
    memory: [],
  };
  const track = (process: { stop(): Promise<void> }) => {
    running.add(process);
    return () => void running.delete(process);
  };
  try {
    // the file holds both parts; a run of one suite keeps the other's figures as they were
    let doc = write ? await readFile(DOCS, 'utf8').catch(() => '') : '';
    if (runs('site')) {
      const columns = await activityColumns(tmp);
      for (const size of PLAN.sizes) {
        console.log(`\n${size.toLocaleString('en-US')} activities`);
        const data = generateActivities({ count: size, columns });
        await writeFile(join(tmp, `data-${size}.json`), JSON.stringify(data));
        for (const target of TARGETS) {
          if (!only || only.includes(target.name)) await benchTarget(target.name, data, size, tmp, results);
        }
      }
      console.log(`\n${formatConsole(results)}`);
      const labSection = extractSection(doc, 'lab');
      doc = mergeRepliesSection(mergeEngineSection(formatMarkdown(results), extractEngineSection(doc)), extractRepliesSection(doc));
      if (labSection) doc = `${doc.trimEnd()}\n\n${labSection}\n`;
    }
    if (runs('engine')) {
      console.log('\nSync engine (customer message to activity in Creatio)');
      const engine: EngineResults = await benchEngine(ENGINE_PLAN, tmp, NODE_ARGS, track);
      console.log(`\n${formatEngineConsole(engine, ENGINE_PLAN, results)}`);
      doc = mergeEngineSection(doc, formatEngineMarkdown(engine, ENGINE_PLAN, results));
    }
    if (runs('replies')) {
      console.log('\nAgent replies (agent reply written in Creatio to reply delivered in the chat)');
      const replies = await benchReplies(REPLY_PLAN, tmp, NODE_ARGS, track);
      console.log(`\n${formatRepliesConsole(replies, results)}`);
      doc = mergeRepliesSection(doc, formatRepliesMarkdown(replies, REPLY_PLAN, results));
    }
    if (runs('lab')) {
      console.log('\nThe lab: from start to ready, and scenarios per second (issue 5)');
      const ready = await benchServeReady({ runs: LAB_PLAN.readyRuns, tmp });
      const throughput = await benchScenarioThroughput({ count: LAB_PLAN.scenarios, workers: LAB_PLAN.workers });
      const lab = { ready, throughput, count: LAB_PLAN.scenarios };
      console.log(`\n${formatLabConsole(lab, results)}`);
      doc = mergeSection(doc, 'lab', formatLabMarkdown(lab, results));
    }
    if (write) {
      await writeFile(DOCS, doc);
      console.log(`\nWrote ${DOCS}`);
    }
  } finally {
    await cleanUp();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
