/**
 * A scenario's two-way timeline (issue 5: the HTML report draws it): the lab's events as hops in five
 * lanes — customer (the chat), engine, creatio (site records), process (business processes), webhook
 * (Creatio → helpdesk) — each with a one-line summary. Summaries hold no timing, port or secret, so two
 * runs of a scenario with the same seed give the same timeline apart from `t`.
 */
import type { LabEvent } from '../lab.types';
import type { TimelineEntry } from './scenario-result';

/** The outbox's own bookkeeping: each is told better by the hop it leads to (case.created, activity.logged...). */
const BOOKKEEPING = new Set(['outbox.enqueued', 'outbox.attempted', 'outbox.completed', 'settings.updated']);

const WEBHOOK_TYPES = new Set(['agent.replied', 'conversation.closed', 'reply.delivered', 'reply.delivery-failed']);

type Data = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const quote = (value: unknown, max = 60): string => {
  const flat = str(value).replace(/\s+/g, ' ').trim();
  return `"${flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`}"`;
};
const short = (id: unknown): string => str(id).slice(0, 8);

export function laneOf(event: LabEvent): TimelineEntry['lane'] {
  switch (event.source) {
    case 'chat': return 'customer';
    case 'creatio': return 'creatio';
    case 'process': return 'process';
    default:
      return event.type.startsWith('webhook.') || WEBHOOK_TYPES.has(event.type) ? 'webhook' : 'engine';
  }
}

/** The events worth a hop on the timeline. */
export function isHop(event: LabEvent): boolean {
  return !BOOKKEEPING.has(event.type);
}

/**
 * `startedAt`: epoch ms the scenario started (t = 0). `stepStarts[i]`: how many events had been
 * recorded when step i began, so each hop knows the step it happened in.
 */
export function buildTimeline(events: readonly LabEvent[], startedAt: number, stepStarts: readonly number[] = []): TimelineEntry[] {
  const hops: TimelineEntry[] = [];
  let step = -1;
  for (const [index, event] of events.entries()) {
    while (step + 1 < stepStarts.length && stepStarts[step + 1]! <= index) step += 1;
    if (!isHop(event)) continue;
    hops.push({
      t: Math.max(0, Date.parse(event.at) - startedAt),
      lane: laneOf(event),
      type: event.type,
      summary: summarize(event),
      ...(event.conversationId ? { conversationId: event.conversationId } : {}),
      ...(event.caseId ? { caseId: event.caseId } : {}),
      ...(step >= 0 ? { step } : {}),
    });
  }
  return hops;
}

const LANE_RANK: Record<TimelineEntry['lane'], number> = { customer: 0, engine: 1, creatio: 2, process: 3, webhook: 4 };
const compareText = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/** Steps that only wait or look: what happens while they run was caused by the action before them. */
export const isPassiveAction = (action: string): boolean => action.startsWith('expect-') || action === 'wait-idle';

/**
 * The timeline without what timing decides (issue 5 "Determinism"): no `t`; each hop filed under
 * the action step that caused it (a hop that lands while a later `expect-*` or `wait-idle` step
 * waits still belongs to the action before); and within one action the hops in a fixed order (lane,
 * type, summary, ids). Inside an action the parts work concurrently — the outbox writing, the site's
 * processes calling the webhook, the chat showing a reply — so which of two concurrent hops comes
 * first is a matter of microseconds; what happened, after which action, is not. Two runs of a
 * scenario with the same seed, whose actions each end with `wait-idle` (or an expectation that
 * waits for the action's last effect), give equal canonical timelines. `actions`: each step's action.
 */
export function canonicalTimeline(timeline: readonly TimelineEntry[], actions: readonly string[]): Omit<TimelineEntry, 't'>[] {
  const causedBy: number[] = [];
  actions.forEach((action, index) => causedBy.push(index === 0 || !isPassiveAction(action) ? index : causedBy[index - 1]!));
  return timeline
    .map(({ t: _t, ...hop }) => (hop.step === undefined ? hop : { ...hop, step: causedBy[hop.step] ?? hop.step }))
    .sort((a, b) => (a.step ?? -1) - (b.step ?? -1) || LANE_RANK[a.lane] - LANE_RANK[b.lane] || compareText(a.type, b.type)
      || compareText(a.summary, b.summary) || compareText(a.conversationId, b.conversationId) || compareText(a.caseId, b.caseId));
}

const entryOf = (d: Data): Data => (typeof d.entry === 'object' && d.entry !== null ? (d.entry as Data) : d);

const SUMMARIES: Record<string, (d: Data) => string> = {
  'lab.started': (d) => `lab started in ${str(d.mode)} mode`,
  'engine.started': () => 'engine started',
  'chat.conversation-opened': (d) => `${str((d.customer as Data | undefined)?.name) || 'a customer'} opens a ${str(d.channel)} conversation`,
  'chat.customer-wrote': (d) => `customer writes ${quote(entryOf(d).text)}`,
  'chat.message-shown': (d) => {
    const e = entryOf(d);
    const segments = Array.isArray(e.segments) ? ` in ${e.segments.length} segment(s)` : '';
    return `customer sees ${str(e.role)} message ${quote(e.text)}${segments}`;
  },
  'chat.message-refused': (d) => `${str(entryOf(d).role)} message refused: ${str(d.reason) || str(entryOf(d).refusal)}`,
  'chat.duplicate-ignored': () => 'duplicate delivery ignored',
  'conversation.started': (d) => `conversation started on ${str(d.channel)}`,
  'message.received': (d) => `customer message stored ${quote(d.text)}`,
  'ai.replied': (d) => `AI ${str(d.answer).replace('_', ' ')}: ${quote(d.text)}`,
  'handoff.triggered': (d) => {
    const p = (typeof d.payload === 'object' && d.payload !== null ? d.payload : d) as Data;
    return `handoff (${str(d.trigger)}): language ${str(p.language)}, sentiment ${str(p.sentiment)}`;
  },
  'contact.matched': (d) => `contact matched by ${str(d.by)} (${short(d.contactId)})`,
  'contact.created': (d) => `contact created (${short(d.contactId)})`,
  'case.created': (d) => `case ${short(d.caseId)} created in Creatio`,
  'activity.logged': (d) => `activity logged: ${quote(d.title)}`,
  'case.updated': (d) => `case updated: ${Array.isArray(d.columns) ? d.columns.join(', ') : ''}`,
  'case.resolved': () => 'case set to the resolved status',
  'resolution.skipped': (d) => `resolution not sent: ${str(d.reason)}`,
  'ai-field.unmatched': (d) => `AI field ${str(d.fieldName)} not filled: ${str(d.problem)}`,
  'conversation.resolved': () => 'conversation resolved by the helpdesk',
  'retry.scheduled': (d) => `retry #${str(d.attempts)} scheduled: ${str((d.error as Data | undefined)?.code)}`,
  'outbox.dead-lettered': (d) => `dead letter after ${str(d.attempts)} attempt(s): ${str((d.error as Data | undefined)?.code)}`,
  'outbox.retried': () => 'dead letter retried by hand',
  'message.delivered': () => 'message delivered to the channel',
  'message.delivery-failed': (d) => `delivery failed: ${str(d.reason)}`,
  'webhook.received': (d) => `webhook ${str(d.eventType)} received`,
  'webhook.handled': (d) => `case activities read${Array.isArray(d.skippedActivityIds) && d.skippedActivityIds.length ? ` (${d.skippedActivityIds.length} skipped)` : ''}`,
  'webhook.rejected': (d) => `webhook rejected ${str(d.status)} ${str(d.code)}`,
  'webhook.ignored': (d) => `webhook ${str(d.eventType)} ignored: ${str(d.reason)}`,
  'webhook.acknowledged': (d) => `webhook ${str(d.eventType)} acknowledged`,
  'webhook.fetch-failed': (d) => `reading the case failed (attempt ${str(d.attempts)}): ${str((d.error as Data | undefined)?.code)}`,
  'agent.replied': (d) => `agent reply ${quote(d.text)}`,
  'conversation.closed': () => 'case closed in Creatio: conversation resolved',
  'reply.delivered': (d) => `${str(d.role)} message delivered to the customer`,
  'reply.delivery-failed': (d) => `delivery to the customer failed: ${str(d.reason)}`,
};

/** Keys whose values change from run to run (times, durations, addresses) or are noise in one line. */
const UNSTABLE = new Set(['at', 'seq', 'timeMs', 'durationMs', 'delayMs', 'nextAttemptAt', 'startedOn', 'finishedOn', 'url', 'port', 'commitSequence', 'id', 'logId', 'runId']);

function summarize(event: LabEvent): string {
  const known = SUMMARIES[event.type];
  if (known) return known(event.data);
  if (event.type.startsWith('record.')) return recordSummary(event);
  if (event.source === 'process') return processSummary(event.data);
  const fields = Object.entries(event.data)
    .filter(([key, value]) => !UNSTABLE.has(key) && ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, 4)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? quote(value, 40) : String(value)}`);
  return `${event.type}${fields.length ? `: ${fields.join(', ')}` : ''}`;
}

/** A site commit (lab-bridges.ts: `{entity, id, columns, values}`): what changed, named by its title or subject. */
function recordSummary(event: LabEvent): string {
  const d = event.data;
  const values = (typeof d.values === 'object' && d.values !== null ? d.values : {}) as Data;
  const id = short(d.id);
  const label = values.Title ?? values.Subject ?? values.Name;
  const verb = event.type.slice('record.'.length);
  const columns = verb === 'updated' && Array.isArray(d.columns) ? ` (${d.columns.join(', ')})` : '';
  return `${str(d.entity) || 'record'} ${verb}${id ? ` ${id}` : ''}${label ? ` ${quote(label, 50)}` : ''}${columns}`;
}

function processSummary(d: Data): string {
  const response = (typeof d.response === 'object' && d.response !== null ? d.response : {}) as Data;
  const status = str(d.status);
  const answer = str(response.status) || str(d.responseStatus);
  const error = str(d.error);
  return `${str(d.processName) || 'process'} ${status || 'ran'}${answer ? ` → HTTP ${answer}` : ''}${error ? `: ${error}` : ''}`;
}
