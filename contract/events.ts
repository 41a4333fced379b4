/** The lab's event stream: every event of every part (engine, site, processes, chat, lab). */
import { z } from 'zod';

export const LabEventSource = z.enum(['engine', 'creatio', 'process', 'chat', 'lab']);
export type LabEventSource = z.infer<typeof LabEventSource>;

/** One event; `seq` increases from 1 for the lab's lifetime and is the SSE `id:`. */
export const LabEvent = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  source: LabEventSource,
  /** The part's own name: `case.created`, `record.inserted`, `process.ran`, `chat.message-shown`, `lab.reset`. */
  type: z.string(),
  conversationId: z.string().optional(),
  caseId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type LabEvent = z.infer<typeof LabEvent>;

const csv = z.string().max(2_000).transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean));

/**
 * `GET /api/events` and `GET /api/events/history`. `after`: only events with a greater seq
 * (the stream also honours `Last-Event-ID`); `source`: comma list of sources; `type`: comma list of
 * types, each exact or a prefix ending in `*` (`case.*`).
 */
export const EventsQuery = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  source: csv.pipe(z.array(LabEventSource)).optional(),
  type: csv.optional(),
  /** History only: at most this many (the newest), default all that are kept (10,000). */
  limit: z.coerce.number().int().positive().max(10_000).optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** `GET /api/events/history` */
export const EventHistory = z.object({ events: z.array(LabEvent), lastSeq: z.number().int().nonnegative() });
export type EventHistory = z.infer<typeof EventHistory>;
