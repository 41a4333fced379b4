/**
 * A transaction collects the durable events of one engine step. Each event is applied to the
 * in-memory state the moment it is pushed (synchronously, before any await), so a step that runs
 * concurrently — a second handoff racing the first — already sees what this one decided, e.g. the
 * case Id. The events are then written to the Store as one record.
 */
import type { DurableEvent } from '../events';
import type { OutboxItem, OutboxItemKind, OutboxPayload } from '../outbox/outbox-types';
import type { Random } from '../ports';
import { applyEvent, type EngineState } from './reducer';

export interface Transaction {
  readonly events: DurableEvent[];
  /** Outbox items this step enqueued (given to the runner once the record is stored). */
  readonly items: OutboxItem[];
  push(event: DurableEvent): void;
  enqueue(conversationId: string, kind: OutboxItemKind, payload: OutboxPayload): void;
  at: string;
}

export function createTransaction(state: EngineState, random: Random, at: string): Transaction {
  const events: DurableEvent[] = [];
  const items: OutboxItem[] = [];
  const push = (event: DurableEvent) => {
    applyEvent(state, event);
    events.push(event);
  };
  return {
    events,
    items,
    at,
    push,
    enqueue(conversationId, kind, payload) {
      const itemId = random.uuid();
      push({ type: 'outbox.enqueued', at, conversationId, itemId, seq: state.lastSeq + 1, kind, payload });
      const item = state.outbox.get(itemId);
      if (item) items.push(item);
    },
  };
}
