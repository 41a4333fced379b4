/**
 * The engine's state and the reducer that rebuilds it from durable events. The reducer is
 * deterministic and does no I/O: replaying the Store's records through it on start gives back the
 * state the engine had when it stopped (or crashed). It updates the state in place: copying the
 * whole state per event would make a replay of a long log quadratic.
 */
import type { ConversationChannel, Customer, DurableEvent, EngineRecord, HandoffPayload, MessageRole } from '../events';
import type { ActivityLogPayload, CaseCreatePayload, OutboxItem } from '../outbox/outbox-types';
import { DONE_ITEMS_KEPT } from './snapshot';
import { applyWebhookEvent, type ConversationWebhookState, noteOwnActivity } from '../webhook/webhook-state';

export interface MessageState {
  id: string;
  role: MessageRole;
  text: string;
  at: string;
  /** Set once an activity for this message is in the outbox (never logged twice). */
  activityId?: string;
  /** The sender's id of a customer message: a resend with the same id is not stored again. */
  clientMessageId?: string;
  /** For an AI reply: the customer message it answers. */
  replyTo?: string;
}

export type ConversationStatus = 'open' | 'handed_off' | 'resolved';

export interface ConversationState {
  id: string;
  channel: ConversationChannel;
  customer: Customer;
  status: ConversationStatus;
  startedAt: string;
  /** Time of the latest message or handoff: the next one is stamped strictly later (activity order). */
  lastAt: string;
  messages: MessageState[];
  /** The case's engine-chosen Id, set the moment the case is first needed (before any await). */
  caseId?: string;
  /** The Contact the case was linked to, once known (found or created). */
  contactId?: string;
  caseCreated: boolean;
  handoffs: HandoffPayload[];
  /** Activities enqueued for this case so far (the first one carries the session link). */
  activitiesQueued: number;
  /** The webhook receiver's part (issue 4): own activity ids, handled ones, pending webhooks. */
  webhook?: ConversationWebhookState;
}

export interface EngineState {
  conversations: Map<string, ConversationState>;
  outbox: Map<string, OutboxItem>;
  lastSeq: number;
}

export function createEngineState(): EngineState {
  return { conversations: new Map(), outbox: new Map(), lastSeq: 0 };
}

/** Rebuilds the state from the Store's records, in order. */
export function replay(records: readonly EngineRecord[]): EngineState {
  const state = createEngineState();
  for (const record of records) for (const event of record.events) applyEvent(state, event);
  return state;
}

/**
 * A time for the next message of a conversation: now, or 1 ms after its latest message when the
 * clock has not moved (a manual clock, or two messages in one millisecond), so that ordering the
 * case's activities by StartDate gives the transcript's order.
 */
export function nextMessageTime(conversation: ConversationState, nowMs: number): string {
  const last = Date.parse(conversation.lastAt);
  return new Date(Math.max(nowMs, last + 1)).toISOString();
}

/** Applies one durable event to the state. Unknown or out-of-place events are ignored, not fatal. */
export function applyEvent(state: EngineState, event: DurableEvent): void {
  if (event.type === 'state.snapshotted') {
    const copy = structuredClone(event.snapshot);
    state.conversations = new Map(copy.conversations.map((c) => [c.id, c]));
    state.outbox = new Map(copy.outbox.map((i) => [i.id, i]));
    state.lastSeq = copy.lastSeq;
    doneCounts.delete(state);
    return;
  }
  if (event.type === 'conversation.started') {
    state.conversations.set(event.conversationId, {
      id: event.conversationId, channel: event.channel, customer: event.customer, status: 'open',
      startedAt: event.at, lastAt: event.at, messages: [], caseCreated: false, handoffs: [], activitiesQueued: 0,
    });
    return;
  }
  const conversation = state.conversations.get(event.conversationId);
  if (!conversation) return;
  if (event.type === 'message.received' || event.type === 'ai.replied' || event.type === 'handoff.triggered') {
    if (event.at > conversation.lastAt) conversation.lastAt = event.at;
  }
  switch (event.type) {
    case 'message.received':
      conversation.messages.push({
        id: event.messageId, role: 'customer', text: event.text, at: event.at, ...(event.clientMessageId ? { clientMessageId: event.clientMessageId } : {}),
      });
      return;
    case 'ai.replied':
      conversation.messages.push({ id: event.messageId, role: 'ai', text: event.text, at: event.at, ...(event.replyTo ? { replyTo: event.replyTo } : {}) });
      return;
    case 'handoff.triggered':
      conversation.handoffs.push(event.payload);
      if (conversation.status === 'open') conversation.status = 'handed_off';
      return;
    case 'conversation.resolved':
      conversation.status = 'resolved';
      return;
    case 'contact.matched':
    case 'contact.created':
      conversation.contactId = event.contactId;
      return;
    case 'case.created':
      conversation.caseCreated = true;
      conversation.contactId = event.contactId;
      return;
    default:
      if (!applyWebhookEvent(conversation, event)) applyOutboxEvent(state, conversation, event);
  }
}

/** Finished outbox items each state holds (counted once, then kept up to date). */
const doneCounts = new WeakMap<EngineState, number>();

/**
 * Keeps the finished outbox items of a long run from piling up in memory (they cost the garbage
 * collector on every full pass): past twice the number a snapshot keeps, the oldest go, down to
 * that number. Nothing else needs them: the runner drops an item once done, and the webhook
 * receiver knows the engine's own activities from the conversation (noteOwnActivity).
 */
function forgetOldDone(state: EngineState): void {
  let done = doneCounts.get(state);
  if (done === undefined) {
    done = 0;
    for (const item of state.outbox.values()) if (item.state === 'done') done += 1;
  } else {
    done += 1;
  }
  if (done > 2 * DONE_ITEMS_KEPT) {
    // a Map iterates in insertion order: enqueue order, so the oldest come first
    for (const [id, item] of state.outbox) {
      if (done <= DONE_ITEMS_KEPT) break;
      if (item.state !== 'done') continue;
      state.outbox.delete(id);
      done -= 1;
    }
  }
  doneCounts.set(state, done);
}

function applyOutboxEvent(state: EngineState, conversation: ConversationState, event: DurableEvent): void {
  if (event.type === 'outbox.enqueued') {
    state.outbox.set(event.itemId, {
      id: event.itemId, conversationId: event.conversationId, seq: event.seq, kind: event.kind,
      payload: event.payload, attempts: 0, nextAttemptAt: 0, state: 'pending', enqueuedAt: event.at,
    });
    state.lastSeq = Math.max(state.lastSeq, event.seq);
    if (event.kind === 'case.create') conversation.caseId = (event.payload as CaseCreatePayload).caseId;
    if (event.kind === 'activity.log') {
      conversation.activitiesQueued += 1;
      const { messageId, activityId } = event.payload as ActivityLogPayload;
      // from the end: the message logged is almost always one of the latest (a long chat stays cheap)
      const message = messageId ? conversation.messages.findLast((m) => m.id === messageId) : undefined;
      if (message) message.activityId = activityId;
      noteOwnActivity(conversation, activityId);
    }
    return;
  }
  if (!('itemId' in event)) return;
  const item = state.outbox.get(event.itemId);
  if (!item) return;
  switch (event.type) {
    case 'outbox.completed':
      if (item.state === 'done') return;
      item.state = 'done';
      forgetOldDone(state);
      return;
    case 'retry.scheduled':
      Object.assign(item, { attempts: event.attempts, nextAttemptAt: event.nextAttemptAt, lastError: event.error });
      return;
    case 'outbox.dead-lettered':
      Object.assign(item, { state: 'dead', attempts: event.attempts, lastError: event.error });
      return;
    case 'outbox.retried':
      Object.assign(item, { state: 'pending', attempts: 0, nextAttemptAt: 0 });
      return;
    default:
  }
}
