/**
 * One conversation's two-way flow as hops of a sequence diagram: each hop an arrow between two of the
 * five lanes (customer · engine · Creatio · process · webhook), with when it happened and how long
 * after the hop before. Pure, so it is tested without a browser. The lanes follow the scenario
 * report's timeline (lab/scenarios/timeline.ts); the arrows (where a hop comes from) are the window's.
 */
import type { LabEvent } from '../../../../contract';

export const LANES = ['customer', 'engine', 'creatio', 'process', 'webhook'] as const;
export type Lane = (typeof LANES)[number];
export const LANE_LABEL: Record<Lane, string> = { customer: 'Customer', engine: 'Engine', creatio: 'Creatio', process: 'Process', webhook: 'Webhook' };

/** Where a hop's request can be read: the site's journal, the process log, the webhook log, or only the event. */
export type RequestSource = 'journal' | 'process' | 'webhook' | 'event';

export interface Hop {
  seq: number;
  at: string;
  type: string;
  from: Lane;
  to: Lane;
  summary: string;
  /** Milliseconds since the hop before (0 for the first). */
  sinceMs: number;
  source: RequestSource;
  /** A failure worth a colour: a retry, a dead letter, a rejected webhook, a process run in error. */
  failed: boolean;
  event: LabEvent;
}

/** The outbox's own bookkeeping: the hop it leads to (Activity inserted, case created) tells it better. */
const BOOKKEEPING = new Set(['outbox.enqueued', 'outbox.attempted', 'outbox.completed', 'settings.updated']);
const FAILED = new Set(['retry.scheduled', 'outbox.dead-lettered', 'webhook.rejected', 'webhook.fetch-failed', 'reply.delivery-failed', 'message.delivery-failed', 'chat.message-refused']);
const ENGINE_WRITES = new Set(['contact.created', 'contact.matched', 'case.created', 'activity.logged', 'case.updated', 'case.resolved', 'retry.scheduled', 'outbox.dead-lettered']);

/** Arrows that are not "from where it happened to itself": [from, to]. */
const ARROWS: Record<string, [Lane, Lane]> = {
  'conversation.started': ['customer', 'engine'],
  'message.received': ['customer', 'engine'],
  'message.delivered': ['engine', 'customer'],
  'message.delivery-failed': ['engine', 'customer'],
  'reply.delivered': ['engine', 'customer'],
  'reply.delivery-failed': ['engine', 'customer'],
  'contact.created': ['creatio', 'engine'],
  'contact.matched': ['creatio', 'engine'],
  'case.created': ['creatio', 'engine'],
  'activity.logged': ['creatio', 'engine'],
  'case.updated': ['creatio', 'engine'],
  'case.resolved': ['creatio', 'engine'],
  'retry.scheduled': ['creatio', 'engine'],
  'outbox.dead-lettered': ['creatio', 'engine'],
  'process.ran': ['creatio', 'process'],
  'webhook.received': ['process', 'webhook'],
  'webhook.fetch-failed': ['webhook', 'creatio'],
  'agent.replied': ['webhook', 'engine'],
  'conversation.closed': ['webhook', 'engine'],
};

type Data = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const obj = (value: unknown): Data => (typeof value === 'object' && value !== null ? (value as Data) : {});
const clip = (value: unknown, max = 48): string => {
  const flat = text(value).replace(/\s+/g, ' ').trim();
  return flat.length <= max ? `"${flat}"` : `"${flat.slice(0, max - 1)}…"`;
};

function laneOf(event: LabEvent): Lane {
  if (event.source === 'chat') return 'customer';
  if (event.source === 'creatio') return 'creatio';
  if (event.source === 'process') return 'process';
  return event.type.startsWith('webhook.') ? 'webhook' : 'engine';
}

/** A record written by the engine comes from the engine lane; one an agent adds in Creatio (an Email reply) starts there. */
function recordArrow(event: LabEvent): [Lane, Lane] {
  const values = obj(event.data.values);
  const agentEmail = event.data.entity === 'Activity' && values.TypeId === 'e2831dec-cfc0-df11-b00f-001d60e938c6';
  return [agentEmail ? 'creatio' : 'engine', 'creatio'];
}

function arrowOf(event: LabEvent): [Lane, Lane] {
  if (event.type.startsWith('record.')) return recordArrow(event);
  const lane = laneOf(event);
  return ARROWS[event.type] ?? [lane, lane];
}

function sourceOf(event: LabEvent): RequestSource {
  if (event.type.startsWith('record.') || ENGINE_WRITES.has(event.type)) return 'journal';
  if (event.type === 'process.ran') return 'process';
  if (event.type.startsWith('webhook.')) return 'webhook';
  return 'event';
}

/** One line per hop, in the domain's words; no secret is in an event (the lab redacts them before publishing). */
export function summarize(event: LabEvent): string {
  const d = event.data;
  const entry = obj(d.entry);
  switch (event.type) {
    case 'chat.conversation-opened': return `${text(obj(d.customer).name) || 'A customer'} opens a ${text(d.channel)} chat`;
    case 'chat.customer-wrote': return `Customer writes ${clip(entry.text)}`;
    case 'chat.message-shown': return `Chat shows the ${text(entry.role)} message ${clip(entry.text, 36)}`;
    case 'chat.message-refused': return `Channel refused the ${text(entry.role)} message`;
    case 'conversation.started': return `Conversation started on ${text(d.channel)}`;
    case 'message.received': return `Engine received ${clip(d.text)}`;
    case 'ai.replied': return `AI ${text(d.answer).replace('_', ' ')} ${clip(d.text, 36)}`;
    case 'message.delivered': return 'Message delivered to the channel';
    case 'handoff.triggered': return `Handoff (${text(d.trigger)})`;
    case 'contact.created': return 'Contact created';
    case 'contact.matched': return `Contact matched by ${text(d.by)}`;
    case 'case.created': return 'Case created';
    case 'activity.logged': return `Activity logged ${clip(d.title, 36)}`;
    case 'case.updated': return `Case updated (${Array.isArray(d.columns) ? d.columns.join(', ') : ''})`;
    case 'case.resolved': return 'Case set to resolved';
    case 'retry.scheduled': return `Write failed (${text(obj(d.error).code)}): retry #${text(d.attempts)} in ${text(d.delayMs)} ms`;
    case 'outbox.dead-lettered': return `Dead letter after ${text(d.attempts)} attempts (${text(obj(d.error).code)})`;
    case 'process.ran': return `${text(d.processName) || 'Process'} ${text(d.status)}${d.responseStatus ? ` → HTTP ${text(d.responseStatus)}` : ''}`;
    case 'webhook.received': return `Webhook ${text(d.eventType)} received`;
    case 'webhook.handled': return 'Webhook handled: case activities read';
    case 'webhook.rejected': return `Webhook rejected ${text(d.status)} ${text(d.code)}`;
    case 'webhook.ignored': return `Webhook ${text(d.eventType)} ignored`;
    case 'webhook.acknowledged': return `Webhook ${text(d.eventType)} acknowledged`;
    case 'webhook.fetch-failed': return 'Reading the case failed';
    case 'agent.replied': return `Agent reply ${clip(d.text, 36)}`;
    case 'conversation.closed': return 'Case closed: conversation resolved';
    case 'reply.delivered': return `${text(d.role) || 'Reply'} message delivered`;
    case 'conversation.resolved': return 'Conversation resolved';
    default: break;
  }
  if (event.type.startsWith('record.')) {
    const values = obj(d.values);
    const label = values.Title ?? values.Subject ?? values.Name;
    return `${text(d.entity) || 'Record'} ${event.type.slice('record.'.length)}${label ? ` ${clip(label, 36)}` : ''}`;
  }
  return event.type;
}

/** The events of one conversation: tagged with it, or with its case (the site's commits on the case). */
export function conversationEvents(events: readonly LabEvent[], conversationId: string, caseId: string | null): LabEvent[] {
  const kase = caseId?.toLowerCase();
  return events.filter((e) => e.conversationId === conversationId || (!!kase && e.caseId?.toLowerCase() === kase));
}

/** Hops in the order they happened (time, then seq: the parts publish concurrently, so seq alone can lag by a few ms). */
export function buildHops(events: readonly LabEvent[]): Hop[] {
  const seen = new Set<number>();
  const kept = events.filter((e) => !BOOKKEEPING.has(e.type) && !seen.has(e.seq) && seen.add(e.seq));
  kept.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq);
  return kept.map((event, index) => {
    const [from, to] = arrowOf(event);
    const previous = kept[index - 1];
    return {
      seq: event.seq, at: event.at, type: event.type, from, to, summary: summarize(event),
      sinceMs: previous ? Math.max(0, Date.parse(event.at) - Date.parse(previous.at)) : 0,
      source: sourceOf(event), failed: FAILED.has(event.type) || (event.type === 'process.ran' && event.data.status === 'error'), event,
    };
  });
}

/** "+12 ms", "+1.4 s", "+2 min". */
export function formatSince(ms: number): string {
  if (ms < 1_000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1_000).toFixed(1)} s`;
  return `+${Math.round(ms / 60_000)} min`;
}

/** The wall-clock time of a hop to the millisecond (09:00:01.250). */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
