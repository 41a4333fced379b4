import { busyLines, machineLine } from '../lib/report';
import type { BenchResults } from '../lib/results';
import { figure } from './engine-stats';
import type { ReplyPlan } from './reply-bench';
import { correctnessLine, exactlyOnce, type ReplyResults, type ReplyRow, replyVerdict } from './reply-stats';

/**
 * The replies part of the bench report (issue 4): console text and the section of docs/performance.md
 * between the markers below. Like the engine section (engine-report.ts), a run that does not measure
 * replies keeps the section as it was.
 */

export const REPLIES_START = '<!-- bench:replies:start -->';
export const REPLIES_END = '<!-- bench:replies:end -->';

/** The replies section of `doc` (markers included), or '' when it has none. */
export function extractRepliesSection(doc: string): string {
  const start = doc.indexOf(REPLIES_START);
  const end = doc.indexOf(REPLIES_END, start);
  return start >= 0 && end >= 0 ? doc.slice(start, end + REPLIES_END.length) : '';
}

/** `doc` with its replies section replaced by `section` (appended when it has none; '' keeps `doc`). */
export function mergeRepliesSection(doc: string, section: string): string {
  if (!section) return doc;
  const current = extractRepliesSection(doc);
  if (current) return doc.replace(current, () => section);
  return `${doc.trimEnd()}\n\n${section}\n`;
}

const HEAD = ['agents', 'pace', 'replies', 'replies/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'POST p50 ms', 'POST p99 ms', 'webhook p50 ms', 'webhook p99 ms', 'written / delivered', 'exactly once', 'engine loop max ms'];
const cells = (r: ReplyRow): string[] => [
  String(r.agents), r.intervalMs === undefined ? 'next once delivered' : `1 per ${r.intervalMs} ms each`, String(r.latency.count), figure(r.latency.count / r.seconds), figure(r.latency.p50Ms), figure(r.latency.p95Ms), figure(r.latency.p99Ms), figure(r.latency.maxMs),
  figure(r.post.p50Ms), figure(r.post.p99Ms), figure(r.webhookCall.p50Ms), figure(r.webhookCall.p99Ms), `${r.written} / ${r.delivered}`, exactlyOnce(r) ? 'yes' : 'NO', figure(r.loopMaxMs),
];

function verdictLine(r: ReplyResults): string {
  const v = replyVerdict(r);
  return `${v.met === undefined ? 'NOT MEASURED' : v.met ? 'met' : 'NOT MET'}: ${v.goal}: ${v.detail}`;
}

export function formatRepliesConsole(r: ReplyResults, site: BenchResults): string {
  const rows = [HEAD, ...r.levels.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [
    `Agent replies${site.quick ? ' (--quick smoke run)' : ''}: agent reply written in Creatio to reply delivered in the chat`,
    line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...r.levels.map((l) => line(cells(l))),
    '', 'Correctness', ...r.levels.map((l) => `  ${correctnessLine(l)}`), ...(r.error ? [`  not measured: ${r.error}`] : []),
    '', 'Replies target', `  ${verdictLine(r)}`,
  ].join('\n');
}

const md = (c: string[]): string => `| ${c.join(' | ')} |`;

export function formatRepliesMarkdown(r: ReplyResults, plan: ReplyPlan, site: BenchResults): string {
  return [
    REPLIES_START,
    '## Agent replies: written in Creatio to delivered in the chat',
    '',
    'Written by `npm run bench` (`--suite replies` runs only this part; bench/sync-engine/reply-bench.ts).',
    '',
    '### What is measured',
    '',
    ...METHOD(plan),
    '',
    `### Results (${machineLine(site)})`,
    '',
    ...busyLines(site).flatMap((l) => [l, '']),
    md(HEAD), md(HEAD.map(() => '---')), ...r.levels.map((l) => md(cells(l))),
    '',
    ...r.levels.map((l) => `- ${correctnessLine(l)}`),
    ...(r.error ? [`- not measured: ${r.error}`] : []),
    '',
    '### Replies target',
    '',
    `- ${verdictLine(r)}`,
    '',
    ...READING,
    REPLIES_END,
  ].join('\n');
}

const METHOD = (plan: ReplyPlan): string[] => [
  '- The same three processes as above: the simulated site (`fsync` durability) with the seed\'s agent-reply',
  '  process (`POST /__lab/processes {"template":"agent-reply"}`: Signal on Activity added, Type = Email or Task,',
  '  CaseId filled, then POST `{"event_type":"new_activity","caseId":...}`) pointed at the engine\'s webhook URL;',
  '  the engine (file store with fsync, OAuth client `case-sync-lab`) with its webhook server',
  '  (`startWebhookServer`, lab/webhook-server.ts) on a port of its own and a channel that reports each agent',
  '  reply it takes to the bench over IPC; and the bench, playing the agents.',
  `- ${plan.conversations} conversations are opened first (one customer message each, so each has its case in Creatio); the`,
  '  process is created after that, so the engine\'s own transcript activities fire nothing during the runs.',
  '- An agent writes an Email activity (`TypeId` Email, `Body` text, `CaseId`) with `POST /0/odata/Activity` and a',
  '  bearer token of the OAuth client, round-robin over its own cases (agent k: cases k, k + agents, ...). Paced',
  '  rows: each agent writes one reply every so often whatever happened to the last (open loop, agents staggered',
  '  evenly): a steady load, the condition of the target. "next once delivered" rows: each agent writes its next',
  '  reply as soon as the last was delivered (closed loop): the most the pipeline carries; there latency is',
  '  agents / throughput (Little\'s law) and says how much headroom the paced rows have, it is not judged.',
  `  ${plan.seconds} s per row after ${plan.warmupSeconds} s unmeasured.`,
  '- Latency: from just before the POST is sent to the moment the engine\'s channel took the reply, both read',
  '  with the bench process\'s `performance.now()` (the delivery when its IPC message arrives, so the figure',
  '  includes that hop). It covers the site\'s write (fsync), the process run and its webhook POST, the engine',
  '  storing the webhook, reading the case\'s activities over OData, storing the reply and delivering it.',
  '  "POST" is the agent\'s write alone (to its 201). "webhook" is the process\'s call to the engine as the site\'s',
  '  process log timed it (`GET /__lab/process-log`, the row\'s last 1,000 runs): the site runs processes one at',
  '  a time in commit order (issue 4), so replies queue behind these calls once they come faster than it answers.',
  '- Exactly once: every reply written must be delivered, none twice, no other delivery; after each run the',
  '  bench waits for as many `new_activity` webhooks as replies written and for the engine to be idle, so a late',
  '  duplicate would be counted. The engine\'s own count of agent deliveries must agree.',
];

const READING = [
  '### Reading the reply figures',
  '',
  '- A reply\'s path holds two serial steps besides the agent\'s own POST: the site\'s process queue (one run at',
  '  a time, each waiting for the engine\'s answer, which comes once the webhook is stored with fsync) and the',
  '  engine\'s read of the case\'s activities (read-all-and-diff, per conversation). Paced, the queue is mostly',
  '  empty and the latency is the sum of the steps; the tail is fsync and the three processes sharing the cores.',
  '- Unpaced at 10 agents, replies come as fast as the process queue turns over (replies/s x webhook time is',
  '  close to 1 s per second): the queue is the bound, and the latency is the wait in it, not the engine.',
  '- Each case gains every reply written to it (hundreds by the last row), and the engine reads them all on',
  '  each webhook; the figures include that growth.',
  '',
];
