/**
 * Which logged request a hop stands for, and that request as the window shows it. A Creatio write is
 * found in the site's journal (by the record id in its URL or body, nearest in time), a process run in
 * the process log (by its trigger), a webhook in the engine's webhook log (by its id). Pure: the
 * actions fetch the logs, these functions pick and shape the entry.
 */
import type { JournalEntry, LabEvent, WebhookLogEntry } from '../../../../contract';
import { redactText } from './redact-text';

export interface Exchange {
  line: string;
  headers: Record<string, string>;
  body: string;
}

/** A request and its response, ready to show; `note` says how it was matched or why there is none. */
export interface RequestView {
  title: string;
  facts: [string, string][];
  request?: Exchange;
  response?: Exchange;
  note?: string;
}

type Data = Record<string, unknown>;
const obj = (value: unknown): Data => (typeof value === 'object' && value !== null ? (value as Data) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const headersOf = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(value)).map(([k, v]) => [k, redactText(str(v))]));

/** A body pretty-printed when it is JSON, as it came otherwise; secrets masked either way. */
export function prettyBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body !== 'string') return redactText(JSON.stringify(body, null, 2));
  try {
    return redactText(JSON.stringify(JSON.parse(body), null, 2));
  } catch {
    return redactText(body);
  }
}

/** The record id a Creatio-side hop is about (the written record, or the one an engine event names). */
export function recordIdOf(event: LabEvent): string | undefined {
  const d = event.data;
  const id = d.id ?? d.activityId ?? (event.type === 'contact.created' || event.type === 'contact.matched' ? d.contactId : undefined) ?? d.caseId;
  return typeof id === 'string' && id ? id.toLowerCase() : undefined;
}

/** Writes go to Creatio as POST/PATCH/DELETE (one by one or in a `$batch`); reads are not a hop's request. */
const isWrite = (entry: JournalEntry) => entry.method !== 'GET' && entry.url.includes('/0/odata/');

/**
 * The journal entry of a hop: a write mentioning the record id that started before the event (a few
 * ms of slack for clock rounding), the nearest one. A failed write (a retry) has no record in reach
 * when the site dropped it: then the nearest failed request before the event.
 */
export function findJournalEntry(event: LabEvent, entries: readonly JournalEntry[]): JournalEntry | undefined {
  const at = Date.parse(event.at) + 50;
  const before = entries.filter((e) => Date.parse(e.startedOn) <= at);
  const nearest = (list: JournalEntry[]) => list.sort((a, b) => Date.parse(b.startedOn) - Date.parse(a.startedOn))[0];
  if (event.type === 'retry.scheduled' || event.type === 'outbox.dead-lettered') {
    return nearest(before.filter((e) => e.fault !== undefined || e.status === 0 || e.status >= 400));
  }
  const id = recordIdOf(event);
  if (!id) return undefined;
  const mentions = (e: JournalEntry) => `${e.url}\n${e.requestBody}\n${e.responseBody}`.toLowerCase().includes(id);
  return nearest(before.filter((e) => isWrite(e) && mentions(e) && !e.fault && e.status < 400)) ?? nearest(before.filter((e) => isWrite(e) && mentions(e)));
}

export function journalView(entry: JournalEntry): RequestView {
  return {
    title: `${entry.method} ${redactText(entry.url)} → ${entry.status || 'no answer'}`,
    facts: [['Started', entry.startedOn], ['Took', `${entry.durationMs} ms`], ...(entry.fault ? [['Fault', entry.fault] as [string, string]] : [])],
    request: { line: `${entry.method} ${redactText(entry.url)}`, headers: headersOf(entry.requestHeaders), body: prettyBody(entry.requestBody) },
    response: { line: `HTTP ${entry.status || '— (connection dropped)'}`, headers: headersOf(entry.responseHeaders), body: prettyBody(entry.responseBody) },
    note: "From the site's request journal (secrets masked by the site).",
  };
}

/** The process log entry of a `process.ran` event: same trigger record and commit, else the nearest start. */
export function findProcessRun(event: LabEvent, entries: readonly Data[]): Data | undefined {
  const trigger = obj(event.data.trigger);
  const same = entries.filter((e) => {
    const t = obj(e.trigger);
    return t.recordId === trigger.recordId && (trigger.commitSequence === undefined || t.commitSequence === trigger.commitSequence);
  });
  const pool = same.length ? same : entries.filter((e) => e.startedOn === event.data.startedOn);
  return pool[pool.length - 1];
}

export function processView(entry: Data): RequestView {
  const request = obj(entry.request);
  const response = obj(entry.response);
  const hasResponse = Object.keys(response).length > 0;
  return {
    title: `${str(entry.processName)}: ${str(request.method) || 'no request'} → ${hasResponse ? str(response.status) : str(entry.status)}`,
    facts: [
      ['Status', str(entry.status)], ['Started', str(entry.startedOn)], ['Attempts', str(entry.attempts)],
      ...(hasResponse ? [['Took', `${str(response.timeMs)} ms`] as [string, string]] : []),
      ...(entry.error ? [['Error', redactText(str(entry.error))] as [string, string]] : []),
    ],
    ...(request.url ? { request: { line: `${str(request.method)} ${redactText(str(request.url))}`, headers: headersOf(request.headers), body: prettyBody(request.body) } } : {}),
    ...(hasResponse ? { response: { line: `HTTP ${str(response.status)}`, headers: headersOf(response.headers), body: prettyBody(response.body) } } : {}),
    note: 'From the process log: the "Call web service" request exactly as sent.',
  };
}

/** The webhook log entry of a webhook hop: by webhook id, else the nearest request on the same case. */
export function findWebhookEntry(event: LabEvent, entries: readonly WebhookLogEntry[]): WebhookLogEntry | undefined {
  const ids = [event.data.webhookId, ...(Array.isArray(event.data.webhookIds) ? event.data.webhookIds : [])].filter((x): x is string => typeof x === 'string');
  const byId = entries.find((e) => e.webhookId !== undefined && ids.includes(e.webhookId));
  if (byId) return byId;
  const at = Date.parse(event.at) + 50;
  const kase = event.caseId?.toLowerCase();
  return entries.filter((e) => Date.parse(e.at) <= at && (!kase || e.caseId?.toLowerCase() === kase)).at(-1);
}

export function webhookView(entry: WebhookLogEntry): RequestView {
  return {
    title: `POST /backend/creatio/webhook/*** → ${entry.status} ${entry.outcome}`,
    facts: [
      ['Received', entry.at], ['Token', entry.token], ['Event', entry.eventType ?? '—'], ['Outcome', entry.outcome],
      ...(entry.result ? [['Result', entry.result] as [string, string]] : []), ...(entry.detail ? [['Detail', entry.detail] as [string, string]] : []),
    ],
    request: { line: 'POST /backend/creatio/webhook/***', headers: entry.contentType ? { 'content-type': entry.contentType } : {}, body: prettyBody(entry.body) },
    response: { line: `HTTP ${entry.status}`, headers: {}, body: '' },
    note: "From the engine's webhook log (the token is never kept).",
  };
}

/** A hop with no request behind it (a chat entry shown, an AI reply): the event itself. */
export function eventView(event: LabEvent, note = 'This hop is an event of the lab; no HTTP request stands behind it.'): RequestView {
  return {
    title: `${event.source} · ${event.type}`,
    facts: [['Seq', String(event.seq)], ['At', event.at], ...(event.caseId ? [['Case', event.caseId] as [string, string]] : [])],
    request: { line: 'Event data', headers: {}, body: prettyBody(event.data) },
    note,
  };
}
