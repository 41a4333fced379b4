import { busyLines, machineLine } from '../lib/report';
import type { BenchResults } from '../lib/results';
import type { EnginePlan } from './engine-bench';
import { type EngineResults, engineVerdicts, figure, type LatencyRow } from './engine-stats';

/**
 * The engine part of the bench report: console text and the section of docs/performance.md
 * between the markers below (the site part of the file is written by bench/lib/report.ts; a run
 * of one suite keeps the other part as it was).
 */

export const ENGINE_START = '<!-- bench:engine:start -->';
export const ENGINE_END = '<!-- bench:engine:end -->';

const secs = (ms: number | undefined): string => (ms === undefined ? 'not within the timeout' : `${(Math.max(0, ms) / 1000).toFixed(1)} s`);

/** The engine section of `doc` (markers included), or '' when it has none. */
export function extractEngineSection(doc: string): string {
  const start = doc.indexOf(ENGINE_START);
  const end = doc.indexOf(ENGINE_END, start);
  return start >= 0 && end >= 0 ? doc.slice(start, end + ENGINE_END.length) : '';
}

/** `doc` with its engine section replaced by `section` (appended when it has none; '' keeps `doc`). */
export function mergeEngineSection(doc: string, section: string): string {
  if (!section) return doc;
  const current = extractEngineSection(doc);
  if (current) return doc.replace(current, () => section);
  return `${doc.trimEnd()}\n\n${section}\n`;
}

function levelCells(l: LatencyRow): string[] {
  return [
    String(l.conversations), String(l.visible.count), figure(l.visible.p50Ms), figure(l.visible.p95Ms), figure(l.visible.p99Ms), figure(l.visible.maxMs),
    figure(l.sync.p50Ms), figure(l.sync.p99Ms), figure(l.ack.p50Ms), figure(l.ack.p99Ms), figure(l.ackedPerSecond), String(l.notSynced), `${l.check.found}/${l.check.sampled}`,
    `${l.retries} / ${l.deadLetters}`, figure(l.loopMaxMs), figure(l.gcMaxMs), figure(l.siteLoopMaxMs), figure(l.siteGcMaxMs),
  ];
}
const LEVEL_HEAD = [
  'conversations', 'messages', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'logged p50 ms', 'logged p99 ms', 'ack p50 ms', 'ack p99 ms', 'acked msg/s',
  'not synced', 'found over OData', 'retries / dead', 'engine loop max ms', 'engine GC max ms', 'site loop max ms', 'site GC max ms',
];

function throughputLines(r: EngineResults, plan: EnginePlan): string[] {
  if (r.sustained.length === 0) return ['not measured'];
  return r.sustained.flatMap((t) => [
    `${t.conversations} conversations, ${plan.throughputDepth} messages in flight each, next message once the previous is ${t.pacing === 'synced' ? 'in Creatio' : 'acknowledged'}, ${t.seconds} s:`,
    `${figure(t.ackedPerSecond)} msg/s acknowledged (stored), ${figure(t.syncedPerSecond)} msg/s synced (activity logged in Creatio) over the window;`,
    `unsynced backlog ${figure(t.backlog.start)} in the first quarter -> ${figure(t.backlog.end)} in the last (max ${figure(t.backlog.max)}): ${t.backlog.grew ? 'GREW (the sync does not keep up)' : 'bounded'};`,
    `sync latency p50 ${figure(t.sync.p50Ms)} ms, p99 ${figure(t.sync.p99Ms)} ms; drained ${secs(t.drainedAfterMs)} after the window;`,
    `retries ${t.retries}, dead letters ${t.deadLetters}; engine loop max ${figure(t.loopMaxMs)} ms; engine RSS ${t.rssMiB.toFixed(0)} MiB; found over OData ${t.check.found}/${t.check.sampled}.`,
    '',
  ]).slice(0, -1);
}

function problems(r: EngineResults): string[] {
  const all = [...r.levels, ...r.sustained].flatMap((row) => row.check.problems);
  return [...(r.error ? [`not measured: ${r.error}`] : []), ...all.slice(0, 5).map((p) => `OData check: ${p}`)];
}

const verdictLines = (r: EngineResults): string[] =>
  engineVerdicts(r).map((v) => `${v.met === undefined ? 'NOT MEASURED' : v.met ? 'met' : 'NOT MET'}: ${v.goal}: ${v.detail}`);

export function formatEngineConsole(r: EngineResults, plan: EnginePlan, site: BenchResults): string {
  const rows = [LEVEL_HEAD, ...r.levels.map(levelCells)];
  const widths = LEVEL_HEAD.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [
    `Sync engine${site.quick ? ' (--quick smoke run)' : ''}: customer message to activity in Creatio`,
    line(LEVEL_HEAD), line(widths.map((w) => '-'.repeat(w))), ...r.levels.map((l) => line(levelCells(l))),
    '', 'Sustained:', ...throughputLines(r, plan).map((l) => (l ? `  ${l}` : l)), ...problems(r),
    '', 'Engine targets', ...verdictLines(r).map((l) => `  ${l}`),
  ].join('\n');
}

const md = (cells: string[]): string => `| ${cells.join(' | ')} |`;

export function formatEngineMarkdown(r: EngineResults, plan: EnginePlan, site: BenchResults): string {
  return [
    ENGINE_START,
    '## The sync engine: customer message to activity in Creatio',
    '',
    'Written by `npm run bench` (`--suite engine` runs only this part; bench/sync-engine/).',
    '',
    '### What is measured',
    '',
    ...ENGINE_METHOD(plan),
    '',
    `### Results (${machineLine(site)})`,
    '',
    ...busyLines(site).flatMap((l) => [l, '']),
    md(LEVEL_HEAD), md(LEVEL_HEAD.map(() => '---')), ...r.levels.map((l) => md(levelCells(l))),
    '',
    '### Sustained messages per second',
    '',
    ...throughputLines(r, plan),
    ...problems(r).flatMap((p) => ['', `- ${p}`]),
    '',
    '### Engine targets',
    '',
    ...verdictLines(r).map((l) => `- ${l}`),
    '',
    ...ENGINE_READING,
    ENGINE_END,
  ].join('\n');
}

const ENGINE_METHOD = (plan: EnginePlan): string[] => [
  '- Three processes: the simulated site (`startMockCreatio`, `fsync` durability, empty but for its seed); the',
  '  engine (`createSyncEngine` with `createFileStore` on a temp folder, fsync on, the real clock, crypto random ids,',
  '  global fetch, a channel that counts deliveries, `createSimulatedAi({})`, OAuth client `case-sync-lab`, every-',
  `  conversation mode, default outbox settings, ${plan.concurrency ?? 50} Creatio requests in flight, up to ${plan.batchLimit ?? 50} items of a`,
  `  conversation per \`$batch\`, at most ${plan.batchesInFlight ?? 4} shared \`$batch\` request(s) in flight); and the bench, the load driver,`,
  '  which sends each customer message to the engine process over IPC. The driver never runs in the engine\'s event loop.',
  '- Latency: measured inside the engine process, from the `receiveMessage` call to the moment the answer of',
  '  the request that carried the message\'s Activity comes back (the engine\'s fetch port sees it): the site',
  '  answers once the Activity is committed, so from then on it is visible in Creatio. That is the judged',
  '  figure ("p50 ms" ... "max ms"). "logged" runs to the engine\'s own `activity.logged` event for that message',
  '  (engine/events.ts), which comes after the engine has also stored, with fsync, that the item is done. Every',
  '  50th message is then checked over OData (`Activity(<id>)`, its CaseId and the message text in its Body):',
  '  "found over OData" (up to 20 per row).',
  `- Levels: 1, 10 and 50 conversations, each sending its next message as soon as the previous one's activity is`,
  `  in Creatio (one message per conversation in the pipeline), for ${plan.levelSeconds} s. Paced on acknowledgement instead, a`,
  '  conversation outruns the sync (acknowledging takes a few ms, the sync of a message a round trip) and the figure',
  '  becomes the age of a growing queue; the second sustained run below shows that case. Each conversation first',
  '  sends one warm-up message (its Contact and Case are created) and is synced before the window, so the figures',
  '  are steady-state messages. The questions are ones the AI answers, so each customer message also yields an AI',
  '  reply activity queued behind it: two activities per message, sent together as one `$batch` (shared with',
  '  other conversations\' writes while one is in flight). "ack" is the `receiveMessage` promise (message stored',
  '  with fsync, AI reply delivered). "engine GC max" is the longest garbage-collection pause in the engine',
  '  process during the level (a `PerformanceObserver` on `gc`); "site loop max" and "site GC max" are the',
  '  site process\'s event-loop delay maximum and longest GC pause over the same window.',
  `- Sustained: ${plan.throughputConversations} conversations with ${plan.throughputDepth} messages in flight each (${plan.throughputConversations * plan.throughputDepth} at most), for ${plan.throughputSeconds} s, twice: a lane sends`,
  '  its next message once the previous one is in Creatio (the rate the engine keeps up with), then once it is',
  '  acknowledged (the rate it accepts). msg/s acknowledged and msg/s synced count what happened inside the',
  '  window; the unsynced backlog (acknowledged, activity not yet logged) is sampled every 250 ms, and "grew" means',
  '  its last-quarter mean exceeds 1.5 times its first-quarter mean plus the in-flight bound. The target is judged',
  '  on the best synced rate whose backlog stayed bounded: acknowledging faster than Creatio receives only builds a',
  '  queue.',
];

const ENGINE_READING = [
  '### Reading the engine figures',
  '',
  '- The site, the engine and the driver share the machine\'s cores (the heading gives the count and load).',
  '- Each level is a closed loop: a conversation sends its next message as soon as the previous one is in Creatio,',
  '  so the conversations keep exactly one message each in the pipeline and the latency is the number of',
  '  conversations divided by the rate (Little\'s law): at 10 conversations, 600 msg/s is ~17 ms a message. The',
  '  figures are the latency of a machine kept busy, not of an idle one (1 conversation: ~4 ms).',
  '- The outbox takes a conversation\'s head item with the pending items behind it (up to 50), and while a `$batch`',
  '  request is in flight the groups of other conversations wait and share the next request (up to 100 parts;',
  '  docs/engine.md "Batching"): one round trip and one fsync\'d commit to the engine\'s log per request, not per',
  '  item. The site applies a batch\'s parts in order and flushes them to its log together. Requests go one at a',
  '  time unless a whole batch (100 parts) waits, then up to 4 side by side (`--engine-batches n`).',
  '- Paced on acknowledgement, the customers write faster than Creatio receives. The engine\'s intake (AI reply,',
  '  log write) and its sync share one event loop; while more than 4,000 outbox items wait and the sync makes',
  '  progress, a new message waits (at most 1 s, in order) before it is stored: the backlog stays bounded and the',
  '  synced rate stays near the maximum (docs/engine.md "Back-pressure").',
  '- The p99 is made of stalls: garbage collection in the engine and the site (the GC columns), the site\'s',
  '  compaction slices, and the OS giving a core to another of the three processes. "logged" adds the engine\'s',
  '  own fsync\'d record that the item is done: after the activity is already in Creatio.',
  '- Figures move by tens of percent between runs when other work shares the machine (see the load average).',
  '',
];
