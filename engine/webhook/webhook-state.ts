/**
 * The receiver's part of a conversation's state, rebuilt by the reducer from durable events. Kept
 * on the conversation (not beside it) so the start-up snapshot (state/snapshot.ts) carries it.
 */
import type { ConversationState } from '../state/reducer';
import type { WebhookDurableEvent } from './webhook-events';

export interface ConversationWebhookState {
  /** Activities the engine wrote itself (transcript, handoff note): never delivered back (no echo). */
  ownActivityIds: string[];
  /** Agent activities already turned into messages, or seen with nothing to deliver. */
  handledActivityIds: string[];
  /** Agent replies and notices stored but not yet taken by the channel, in order. */
  undelivered: string[];
  /** `new_activity` webhooks stored but whose case has not been read since. */
  pendingWebhooks: string[];
}

export function webhookStateOf(conversation: ConversationState): ConversationWebhookState {
  conversation.webhook ??= { ownActivityIds: [], handledActivityIds: [], undelivered: [], pendingWebhooks: [] };
  return conversation.webhook;
}

/** Called by the reducer for every activity the engine enqueues. */
export function noteOwnActivity(conversation: ConversationState, activityId: string): void {
  webhookStateOf(conversation).ownActivityIds.push(activityId);
}

const WEBHOOK_TYPES = new Set<string>(['webhook.received', 'webhook.handled', 'agent.replied', 'conversation.closed', 'reply.delivered']);

/** Applies a receiver event; false when `event` is not one (the reducer goes on). */
export function applyWebhookEvent(conversation: ConversationState, event: { type: string }): boolean {
  if (!WEBHOOK_TYPES.has(event.type)) return false;
  const e = event as WebhookDurableEvent;
  const w = webhookStateOf(conversation);
  switch (e.type) {
    case 'webhook.received':
      if (e.eventType === 'new_activity') w.pendingWebhooks.push(e.webhookId);
      break;
    case 'webhook.handled': {
      const done = new Set(e.webhookIds);
      w.pendingWebhooks = w.pendingWebhooks.filter((id) => !done.has(id));
      w.handledActivityIds.push(...(e.skippedActivityIds ?? []));
      break;
    }
    case 'agent.replied':
      conversation.messages.push({ id: e.messageId, role: 'agent', text: e.text, at: e.at, activityId: e.activityId });
      w.handledActivityIds.push(e.activityId);
      w.undelivered.push(e.messageId);
      if (e.at > conversation.lastAt) conversation.lastAt = e.at;
      break;
    case 'conversation.closed':
      conversation.status = 'resolved';
      conversation.messages.push({ id: e.noticeId, role: 'system', text: e.notice, at: e.at });
      w.undelivered.push(e.noticeId);
      if (e.at > conversation.lastAt) conversation.lastAt = e.at;
      break;
    case 'reply.delivered':
      w.undelivered = w.undelivered.filter((id) => id !== e.messageId);
      break;
  }
  return true;
}
