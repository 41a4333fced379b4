import { findRun, type BenchResults, type MemoryRow, type RunRow } from './results';
import { SCENARIOS, TARGETS, type TargetName } from './scenarios';
import { verdicts, verdictWord } from './verdicts';

/** The bench's tables, as aligned console text and as the markdown of docs/performance.md. */

type Table = { head: string[]; rows: string[][] };

const fixed = (n: number | undefined, digits: number): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));
const ms = (n: number | undefined): string => (n === undefined ? '-' : fixed(n, n < 10 ? 2 : n < 100 ? 1 : 0));
const mib = (bytes: number | undefined): string => (bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const label = (name: TargetName): string => TARGETS.find((t) => t.name === name)?.label ?? name;

/** GET by key is compared with bare Express; the list and POST with json-server (the issue's baselines). */
function ratio(results: BenchResults, row: RunRow): string {
  const reference: TargetName = row.scenario === 'get-key' ? 'express' : 'json-server';
  const base = findRun(results, reference, row.scenario, row.size)?.result;
  if (!row.result || !base || base.rps === 0) return '-';
  const value = row.result.rps / base.rps;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x ${reference}`;
}

function loadTable(results: BenchResults): Table {
  const rows: string[][] = [];
  for (const scenario of SCENARIOS) {
    for (const size of results.sizes) {
      for (const target of TARGETS) {
        const row = findRun(results, target.name, scenario.name, size);
        if (!row) continue;
        const r = row.result;
        rows.push([
          scenario.label, size.toLocaleString('en-US'), target.label, String(row.connections || '-'),
          r ? fixed(r.rps, r.rps < 10 ? 1 : 0) : 'error', ms(r?.p50Ms), ms(r?.p99Ms), ratio(results, row),
          r ? String(r.failed) : (row.error ?? ''),
        ]);
      }
    }
  }
  return { head: ['scenario', 'activities', 'server', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'ratio (req/s)', 'failed'], rows };
}

const seconds = (msValue: number): string => `${(msValue / 1000).toFixed(1)} s`;

function readyIn(m: MemoryRow): string {
  if (m.loadMs === undefined) return '-';
  const phases = Object.entries(m.phases ?? {}).map(([name, value]) => `${name} ${seconds(value)}`);
  return phases.length ? `${seconds(m.loadMs)} (${phases.join(', ')})` : seconds(m.loadMs);
}

function memoryTable(results: BenchResults): Table {
  const rows = results.memory.map((m) => {
    const post = findRun(results, m.target, 'post', m.size)?.loop;
    return [
      label(m.target), m.size.toLocaleString('en-US'), readyIn(m),
      mib(m.loaded?.rss), mib(m.loaded?.heapUsed), mib(m.after?.rss), mib(m.after?.heapUsed),
      post ? `${ms(post.maxMs)} / ${ms(post.p99Ms)}` : (m.error ?? '-'),
    ];
  });
  return {
    head: ['server', 'activities', 'ready in', 'RSS loaded', 'heap loaded', 'RSS after', 'heap after', 'loop delay in POST: max / p99 ms'],
    rows,
  };
}

/** The sustained POST run: event-loop delay while the log is compacted into the data files. */
function sustainedLines(results: BenchResults): string[] {
  return results.runs.filter((r) => r.scenario === 'post-sustained' && r.result && r.loop).map((r) => {
    const res = r.result as NonNullable<RunRow['result']>;
    const loop = r.loop as NonNullable<RunRow['loop']>;
    const gc = loop.gcMaxMs === undefined ? '' : `, longest garbage-collection pause ${ms(loop.gcMaxMs)} ms`;
    const store = r.target === 'simulator'
      ? `; ${r.compactions ?? '?'} log compactions during the run (each rewrites the Activity file)`
        + `${loop.persistenceMaxMs === undefined ? '' : `; longest synchronous persistence step ${ms(loop.persistenceMaxMs)} ms`}`
        + `${loop.persistenceWallMaxMs === undefined ? '' : ` (${ms(loop.persistenceWallMaxMs)} ms with the collector's pauses inside it)`}`
      : '; nothing persisted';
    return `Sustained POST (${label(r.target)}, ${r.size.toLocaleString('en-US')} activities, ${r.connections} connections, ${res.seconds.toFixed(0)} s): `
      + `${fixed(res.rps, 0)} req/s, p50 ${ms(res.p50Ms)} ms, p99 ${ms(res.p99Ms)} ms; event-loop delay max ${ms(loop.maxMs)} ms, `
      + `p99 ${ms(loop.p99Ms)} ms${gc}${store}.`;
  });
}

function text(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(table.head), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)].join('\n');
}

function markdown(table: Table): string {
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(table.head), line(table.head.map(() => '---')), ...table.rows.map(line)].join('\n');
}

function verdictLines(results: BenchResults): string[] {
  return verdicts(results).map((v) => `${verdictWord(v)}: ${v.goal}: ${v.detail}`);
}

export function machineLine(results: BenchResults): string {
  const m = results.machine;
  return `${results.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, load average ${m.loadAverage.toFixed(2)} at start`;
}

/** A warning when other work was already using the cores as the bench started. */
export function busyLines(results: BenchResults): string[] {
  const { loadAverage, cpus } = results.machine;
  if (loadAverage <= cpus / 2) return [];
  return [`WARNING: load average ${loadAverage.toFixed(2)} on ${cpus} cores at start: other work shares the CPU, figures are low and noisy.`];
}

export function formatConsole(results: BenchResults): string {
  return [
    `Case Sync Lab bench${results.quick ? ' (--quick smoke run)' : ''}: ${machineLine(results)}`,
    ...busyLines(results),
    '', text(loadTable(results)), '', 'Memory (server process, after a full GC)', text(memoryTable(results)),
    ...sustainedLines(results).flatMap((l) => ['', l]),
    '', 'Targets', ...verdictLines(results).map((l) => `  ${l}`),
  ].join('\n');
}

export function formatMarkdown(results: BenchResults): string {
  return [
    '# Performance of the simulated Creatio site and the sync engine',
    '',
    'Written by `npm run bench` (bench/run.ts); the figures below are from one run. Re-run it to refresh this file.',
    '',
    '## How to run',
    '',
    '```sh',
    'npm run bench            # full run, about 12 minutes on 2 cores; rewrites this file',
    'npm run bench -- --quick # smoke run (1,000 and 10,000 activities, 1 s per run); prints only',
    'npm run bench -- --targets simulator,express --no-write',
    'npm run bench -- --suite engine   # only the sync engine (about 2 minutes; --quick: about 1)',
    'npm run bench -- --suite replies  # only agent replies, Creatio to chat (about 2 minutes; --quick: about 20 s)',
    'npx vitest run --config bench/vitest.config.ts   # the harness\'s own unit tests (no timing)',
    '```',
    '',
    'CI does not run the bench. Options: `--quick`, `--suite site|engine|replies|lab|all` (default all; a run of one suite',
    'keeps the others\' sections of this file), `--targets a,b`, `--sizes n,m` (verdicts use the smallest and largest),',
    '`--no-write`, `--cpu-prof DIR` (a V8 CPU profile of each server process); for the engine `--engine-levels n,m` (only',
    'those latency levels, no sustained runs), `--engine-concurrency n`, `--engine-batch n` (items of a conversation per',
    '`$batch`) and `--engine-batches n` (shared `$batch` requests in flight when full batches wait).',
    '',
    '## What is measured',
    '',
    ...METHOD,
    '',
    `## Results (${machineLine(results)})`,
    '',
    ...busyLines(results).flatMap((l) => [l, '']),
    markdown(loadTable(results)),
    '',
    '### Memory and event loop (server process)',
    '',
    markdown(memoryTable(results)),
    '',
    ...sustainedLines(results).flatMap((l) => [l, '']),
    '### Targets',
    '',
    ...verdictLines(results).map((l) => `- ${l}`),
    '',
    ...READING,
    '',
  ].join('\n');
}

const METHOD = [
  '- Four servers, each in its own Node process (the load generator, autocannon 9, runs in the bench process, so on',
  '  a 2-core machine each side has a core): the simulator (`startMockCreatio`, `fsync` durability, OAuth bearer',
  '  token on every request); a bare Express 5 app and a plain `node:http` server answering the same JSON from a',
  '  `Map` by Id and a per-case list built once at start (no general `$filter` evaluation, no validation, POST',
  '  kept in memory only); json-server 0.17 through its programmatic API (`create()` / `router(db.json)`,',
  '  `db._.id = "Id"`), which persists by rewriting its whole `db.json` on every write.',
  '- Data: deterministic Activity rows (seeded PRNG) with every column of the simulator\'s Activity entity, about',
  '  100 activities per case, so the filtered list answers ~100 rows at every size. The simulator gets them',
  '  through its store in 5,000-row commits (plus one Case per case id, cloned from a seed Case), then is closed',
  '  and started again on the same workspace so it serves data loaded from disk.',
  '- Requests: GET by key `Activity(<id>)` over a fixed sample of 1,000 ids; the filtered list',
  '  `Activity?$filter=CaseId eq <id>&$orderby=CreatedOn` over a fixed sample of case ids (json-server:',
  '  `/activities?CaseId=<id>&_sort=CreatedOn`); POST Activity `{"Title","CaseId"}` (json-server: `/activities`).',
  '- Each run: 1 s warm-up, then 5 s with 10 connections. The filtered list runs a second time with 1 connection:',
  '  an answer is ~100 rows (~165 KB), about 1 ms of CPU on every server here (plain node:http included), so with',
  '  10 connections p99 is mostly the wait behind 9 other requests; the 5 ms p99 target is judged on the',
  '  1-connection run. json-server\'s POST uses 1 connection (its writes are synchronous anyway) and, at 100,000',
  '  activities, a fixed 10 requests (each takes seconds).',
  '- req/s counts 2xx answers; p50/p99 are exact percentiles of every 2xx answer\'s latency. "ratio" is req/s',
  '  divided by the baseline\'s: bare Express for GET by key, json-server for the list and POST.',
  '- Memory: `process.memoryUsage()` of the server process after a forced full GC, once the data is loaded and',
  '  after the four runs. Event-loop delay: `perf_hooks.monitorEventLoopDelay` inside the server process,',
  '  reset before each run; the table shows it for the POST run (persistence is the only writer).',
  '- Sustained POST: on the simulator at the largest size, after the other runs, 40 s of POST Activity with 10',
  '  connections and no warm-up, so that the write-ahead log is compacted into the data files during the run',
  '  (the count of compactions is shown; the bench counts the manifest.json renames that end them). The bare',
  '  Express app takes the same 40 s (it keeps the rows in a Map and persists nothing): the yardstick for what',
  '  holding the rows in memory costs the event loop apart from persistence.',
  '- "Never blocks for more than 50 ms" is judged on the store\'s own figure: it times every synchronous step of',
  '  its persistence on the event loop (applying and serialising a commit, building a log append, each slice of',
  '  a compaction; mock-creatio/store/step-timer.ts), takes off any garbage-collection pause that struck inside a',
  '  step (the collector runs when anything allocates), and the bench reads the longest per run, with its wall',
  '  time. The event-loop delay maximum and the longest garbage-collection pause (`PerformanceObserver` on `gc`)',
  '  are shown beside it. A step is timed by the wall clock, so it still holds any time the OS gave the core to',
  '  another process (autocannon, on 2 cores): an upper bound on what persistence itself held the loop for.',
  '- "Twice as slow" compares POST req/s at 1,000 with POST req/s at 100,000 (same concurrency, so it is the',
  '  ratio of mean latencies). POST runs add rows: at "1,000" the table grows by several thousand during the',
  '  6 s. The bench never fails on a target; it prints met / not met.',
];

const READING = [
  '## Reading the figures',
  '',
  '- The targets (from the issue): GET by key within 20% of the bare Express handler; the filtered list under 5 ms',
  '  p99; POST under 50 ms p99 at 100,000 activities, at least 100 times json-server, and no more than twice as',
  '  slow as at 1,000; persistence never blocks the event loop for more than 50 ms.',
  '- The issue measured json-server 0.17 at 100,000 activities at about 50 requests/s for the filtered list',
  '  (p99 275 ms) and about 4 requests/s for POST (p50 1.7 s): it scans every row per query and rewrites the',
  '  whole file per write. Rows here carry every Activity column (~1.6 KB each), so its figures are lower still.',
  '- The machine has 2 cores: one for the server, one for autocannon. Anything else running (the load average is',
  '  in the heading) moves the figures by tens of percent; compare servers within one run, not across runs.',
  '- Event-loop delay counts every pause of the server process (garbage collection, request handling, and time',
  '  the OS gave its core to another process), so it is an upper bound on what persistence blocks. With 100,000',
  '  to 200,000 rows in memory, V8\'s full collections pause the loop for tens of ms (its concurrent marking has',
  '  no spare core while autocannon takes the other): the bare Express app shows the same under the same load.',
  '- Single runs near a threshold can flip between met and not met (GET by key and the POST slowdown moved by',
  '  20-40% between runs on this machine); look at several runs before acting on one verdict.',
  '- The simulator\'s "RSS loaded" includes its own bulk import (pages the heap has not yet returned to the OS);',
  '  "heap" is live data after a full GC and compares directly with the baselines\' Map of the same rows.',
  '- The simulator keeps the JSON text of each stored record it has answered with whole (no `$select`/`$expand`),',
  '  as UTF-8 bytes outside V8\'s heap (and as a string for the 2,000 most recently used), so GET by key splices',
  '  text instead of serialising, and the list is written as those bytes themselves (Node gathers the pieces into',
  '  one `writev`). Kept as strings, 100,000 texts were half the heap and full collections under the sustained POST',
  '  paused ~90 ms (bare Express ~20 ms); off the heap, ~20-40 ms. Built as a string, each ~165 KB list answer was',
  '  decoded, joined and encoded again: a young collection every ~20 lists, and they were the list\'s p99. Its',
  '  "RSS after" includes those bytes (~1.6 KB per Activity read during the runs); "heap after" does not.',
  '- The store spreads a table\'s ids over 16 Maps. A JS Map grows by copying every entry into a table twice the',
  '  size in one go: one Map of 131,072 ids took 6-12 ms here, and the two Maps a table used to keep (ids and',
  '  insertion ordinals) grew on the same insert, with the page faults of the new tables: that was the 33-59 ms',
  '  "persistence step" of earlier runs (measured with `--cpu-prof` and `getrusage` around each step).',
];
