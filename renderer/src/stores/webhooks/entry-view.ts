/**
 * How the Webhooks view words a log entry (engine docs: "Webhook log"): the event type, the
 * validation result (status, error code, problems, read from the receiver's answer) and what was done.
 */
import type { WebhookLogEntry } from '../../../../contract';

export interface Validation {
  ok: boolean;
  code?: string;
  message?: string;
  problems: { field: string; problem: string }[];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The body's `event_type` (from the engine's parse, else from the excerpt when it is JSON). */
export function eventTypeOf(entry: WebhookLogEntry): string | undefined {
  if (entry.eventType) return entry.eventType;
  try {
    const value = record(JSON.parse(entry.body))?.event_type;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function validationOf(entry: WebhookLogEntry): Validation {
  const error = record(record(entry.response)?.error);
  if (!error && entry.status < 400) return { ok: true, problems: [] };
  const [code, ...rest] = (entry.detail ?? '').split(': ');
  const problems = Array.isArray(error?.problems)
    ? error.problems.flatMap((p) => (record(p) ? [{ field: String(record(p)!.field ?? ''), problem: String(record(p)!.problem ?? '') }] : []))
    : [];
  return {
    ok: false,
    code: typeof error?.code === 'string' ? error.code : code || undefined,
    message: typeof error?.message === 'string' ? error.message : rest.join(': ') || undefined,
    problems,
  };
}

/** One sentence: what the engine did with the request. */
export function whatWasDone(entry: WebhookLogEntry): string {
  switch (entry.outcome) {
    case 'rejected':
      return entry.token === 'wrong' ? 'Rejected: wrong token (the sender learns nothing)' : 'Rejected: nothing done';
    case 'accepted':
      return `Accepted: the case's new activities are read and delivered${entry.result ? ` (${entry.result})` : ''}`;
    case 'resolved':
      return 'Closed the conversation: resolved, the customer was told';
    case 'already-resolved':
      return 'Nothing done: the conversation was already resolved (an echo of a closure)';
    case 'acknowledged':
      return 'Acknowledged: case_updated asks for nothing';
    case 'ignored':
      return `Ignored: ${entry.detail ?? 'no conversation has this case'}`;
    case 'unavailable':
      return 'Not handled: the engine was not running';
    case 'failed':
      return 'Failed: the webhook could not be stored (the sender may send again)';
    default:
      return entry.outcome;
  }
}

/** A few words for the log's table (the detail pane has the sentence). */
export function doneInShort(entry: WebhookLogEntry): string {
  if (entry.outcome !== 'accepted') return entry.outcome === 'rejected' && entry.token === 'wrong' ? 'rejected: wrong token' : entry.outcome.replace('-', ' ');
  if (!entry.result) return 'accepted · reading the case';
  const replies = /(\d+) new agent repl/.exec(entry.result)?.[1];
  if (replies === undefined) return `accepted · ${entry.result}`;
  return `accepted · ${replies === '0' ? 'no new reply' : replies === '1' ? '1 reply delivered' : `${replies} replies delivered`}`;
}

/** The log keeps the first 512 characters of a body: a replay of a longer one would not be the same request. */
export function isTruncated(entry: WebhookLogEntry): boolean {
  return new TextEncoder().encode(entry.body).length < entry.size;
}

/** JSON pretty-printed when it is JSON, else the text as it is. */
export function pretty(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
