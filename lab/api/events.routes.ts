/**
 * The lab's events: `GET /api/events` as server-sent events, `GET /api/events/history` as JSON.
 * Each event is one `id: <seq>` + `data: <LabEvent JSON>` message (no `event:` field, so an
 * EventSource's `onmessage` sees every one). A reconnect with `Last-Event-ID` (or `?after=N`)
 * replays what was missed from the kept history, then goes on live. A comment every 15 s keeps
 * proxies and idle timers from closing the stream.
 */
import { Router, type Request } from 'express';
import { EventsQuery, type LabEvent } from '../../contract';
import type { LabEvent as BusEvent } from '../lab.types';
import type { Lab } from '../lab.types';
import { ApiError, parseQuery } from './api-error';

export const HEARTBEAT_MS = 15_000;

type Filter = (event: BusEvent) => boolean;

function filterOf(query: EventsQuery): Filter {
  const sources = query.source ? new Set<string>(query.source) : undefined;
  const types = query.type;
  const typeMatches = (type: string) => !types || types.some((t) => (t.endsWith('*') ? type.startsWith(t.slice(0, -1)) : type === t));
  return (event) => (!sources || sources.has(event.source)) && typeMatches(event.type);
}

/** `Last-Event-ID` wins over `?after=` (it is what a reconnecting EventSource sends). */
function resumeAfter(req: Request, query: EventsQuery): number {
  const header = req.headers['last-event-id'];
  if (typeof header === 'string' && header.trim() !== '') {
    const seq = Number(header);
    if (!Number.isInteger(seq) || seq < 0) {
      throw new ApiError(400, 'BAD_REQUEST', `Last-Event-ID must be an event seq (a whole number), not ${JSON.stringify(header.slice(0, 50))}`,
        { problems: [{ field: 'header.Last-Event-ID', problem: 'must be a whole number' }] });
    }
    return seq;
  }
  return query.after ?? 0;
}

const frame = (event: LabEvent): string => `id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;

export function eventsRouter(lab: Lab, options: { heartbeatMs?: number } = {}): Router {
  const router = Router();

  router.get('/events/history', (req, res) => {
    const query = parseQuery(EventsQuery, req.query);
    const all = lab.events.history(query.after);
    const lastSeq = all.at(-1)?.seq ?? query.after ?? 0;
    const events = all.filter(filterOf(query));
    res.json({ events: query.limit ? events.slice(-query.limit) : events, lastSeq });
  });

  router.get('/events', (req, res) => {
    const query = parseQuery(EventsQuery, req.query);
    const matches = filterOf(query);
    let last = resumeAfter(req, query);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': case-sync-lab events\nretry: 2000\n\n');
    const send = (event: BusEvent) => {
      if (event.seq <= last) return;
      last = event.seq;
      if (matches(event)) res.write(frame(event));
    };
    // Subscribe before replaying, so nothing published during the replay is lost; `send` skips repeats.
    const live: BusEvent[] = [];
    let replaying = true;
    const unsubscribe = lab.events.subscribe((event) => (replaying ? live.push(event) : send(event)));
    for (const event of lab.events.history(last)) send(event);
    for (const event of live) send(event);
    replaying = false;
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}
