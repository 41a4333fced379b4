/**
 * The lab's event bus: every part's events (engine, Creatio site, business processes, chat, lab)
 * in one sequence, as `GET /api/events` streams them and scenarios wait for them. Events are
 * redacted before they enter; the last 10,000 are kept for late subscribers (`Last-Event-ID`).
 */
import type { LabEvent, LabEventBus } from './lab.types';

export interface EventBusOptions {
  /** Events kept in memory (default 10,000). */
  capacity?: number;
  /** Applied to each event before it is stored or seen (secrets out). */
  redact?: <T>(value: T) => T;
  now?: () => number;
}

export function createLabEventBus(options: EventBusOptions = {}): LabEventBus {
  const capacity = options.capacity ?? 10_000;
  const redact = options.redact ?? (<T>(value: T) => value);
  const now = options.now ?? Date.now;
  const ring: LabEvent[] = [];
  const listeners = new Set<(event: LabEvent) => void>();
  let seq = 0;

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    history(afterSeq = 0) {
      // Sequence numbers are contiguous, so the start index is arithmetic, not a scan.
      const first = ring[0]?.seq ?? seq + 1;
      return ring.slice(Math.max(0, afterSeq + 1 - first));
    },
    publish(input) {
      const { at, data, ...rest } = input;
      const event: LabEvent = redact({ seq: ++seq, at: at ?? new Date(now()).toISOString(), ...rest, data });
      ring.push(event);
      if (ring.length > capacity) ring.splice(0, ring.length - capacity);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A failing subscriber (an SSE client gone, a test's assertion) must never break a publisher.
        }
      }
      return event;
    },
  };
}
