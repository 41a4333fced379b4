/**
 * The engine's events (conventions.md: `noun.past-verb`). Every step of the sync emits one; the
 * durable ones are also the engine's storage: a record in the Store holds the events of one step,
 * and `reduce` (state/reducer.ts) rebuilds the whole state from them on start. Listeners (the UI
 * timeline, scenario assertions) see every event, durable or not.
 */
import type { HandoffPayload } from './ai';
import type { OutboxItem, OutboxItemKind, OutboxPayload } from './outbox/outbox-types';
import type { ConversationState } from './state/reducer';
import type { WebhookDurableEvent, WebhookTransientEvent } from './webhook/webhook-events';

export type ConversationChannel = 'web' | 'email' | 'sms' | 'whatsapp';
export type MessageRole = 'customer' | 'ai' | 'agent' | 'system';

export interface Customer {
  name: string;
  email?: string;
  phone?: string;
}

/** What a handoff carries (reference creatio-api.md §5.6): the simulated AI's payload. */
export type { HandoffPayload } from './ai';

interface Base {
  at: string;
}
interface OfConversation extends Base {
  conversationId: string;
}

/** Events written to the Store: the state is rebuilt from these alone. */
export type DurableEvent =
  | (OfConversation & { type: 'conversation.started'; channel: ConversationChannel; customer: Customer })
  /** `clientMessageId`: the customer side's own id of the message, so a resend is recognised (idempotent intake). */
  | (OfConversation & { type: 'message.received'; messageId: string; text: string; clientMessageId?: string })
  /** `replyTo`: the customer message this reply answers (absent for a manual handoff's message). */
  | (OfConversation & { type: 'ai.replied'; messageId: string; text: string; answer: 'answer' | 'cannot_answer' | 'handoff'; replyTo?: string })
  | (OfConversation & { type: 'handoff.triggered'; trigger: string; manual: boolean; payload: HandoffPayload })
  | (OfConversation & { type: 'conversation.resolved' })
  | (OfConversation & { type: 'resolution.skipped'; reason: string })
  | (OfConversation & { type: 'outbox.enqueued'; itemId: string; seq: number; kind: OutboxItemKind; payload: OutboxPayload })
  | (OfConversation & { type: 'outbox.completed'; itemId: string })
  | (OfConversation & { type: 'retry.scheduled'; itemId: string; attempts: number; delayMs: number; nextAttemptAt: number; error: ErrorInfo })
  | (OfConversation & { type: 'outbox.dead-lettered'; itemId: string; attempts: number; error: ErrorInfo })
  | (OfConversation & { type: 'outbox.retried'; itemId: string })
  | (OfConversation & { type: 'contact.matched'; contactId: string; by: 'email' | 'phone' })
  | (OfConversation & { type: 'contact.created'; contactId: string })
  | (OfConversation & { type: 'case.created'; caseId: string; contactId: string; originId?: string })
  | (OfConversation & { type: 'activity.logged'; caseId: string; activityId: string; messageId?: string; title: string })
  | (OfConversation & { type: 'case.updated'; caseId: string; columns: string[] })
  | (OfConversation & { type: 'case.resolved'; caseId: string; statusId: string })
  | (OfConversation & { type: 'ai-field.unmatched'; caseId?: string; fieldName: string; value?: string; problem: string })
  /** The whole state at one point, written by compaction as the log's first record (state/snapshot.ts). */
  | (Base & { type: 'state.snapshotted'; snapshot: StateSnapshot })
  /** The webhook receiver's events (issue 4): webhook/webhook-events.ts. */
  | WebhookDurableEvent;

/** Events only for listeners: they describe, they do not change state. */
export type TransientEvent =
  | (OfConversation & { type: 'message.delivered'; messageId: string })
  | (OfConversation & { type: 'message.delivery-failed'; messageId: string; reason: string })
  | (OfConversation & { type: 'outbox.attempted'; itemId: string; kind: OutboxItemKind; attempt: number })
  | (OfConversation & { type: 'ai.failed'; message: string })
  | (Base & { type: 'engine.started'; conversations: number; pending: number; records: number; compacted: boolean })
  | (Base & { type: 'engine.stopped' })
  | (Base & { type: 'settings.updated' })
  | (Base & { type: 'store.failed'; message: string })
  | WebhookTransientEvent;

export type EngineEvent = DurableEvent | TransientEvent;
export type EngineEventType = EngineEvent['type'];

/** A failed attempt as recorded: the EngineError code, its message and the HTTP status when known. */
export interface ErrorInfo {
  code: string;
  message: string;
  retryAfterMs?: number;
}

export interface StateSnapshot {
  conversations: ConversationState[];
  outbox: OutboxItem[];
  lastSeq: number;
}

/**
 * One Store record: the durable events of one engine step, written together so that a crash leaves
 * either the whole step or none of it (a torn last line is dropped whole by the store).
 */
export interface EngineRecord {
  v: 1;
  events: DurableEvent[];
}
