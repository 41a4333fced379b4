/**
 * Events of the webhook receiver (issue 4, "The engine's webhook receiver"), joined into the
 * engine's event unions in events.ts. Durable ones rebuild the receiver's part of the state
 * (webhook-state.ts); transient ones only describe.
 */
import type { ErrorInfo } from '../events';

/** The event types the receiver knows (seed "Webhook event reference"). */
export const WEBHOOK_EVENT_TYPES = ['new_activity', 'case_closed', 'case_updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

interface OfConversation {
  at: string;
  conversationId: string;
}

export type WebhookDurableEvent =
  /** A webhook for a case the engine owns, stored before it is acknowledged (so it is never lost). */
  | (OfConversation & { type: 'webhook.received'; webhookId: string; eventType: WebhookEventType; caseId: string })
  /** The case's activities were read for these webhooks; `skippedActivityIds`: seen, nothing to deliver (no text). */
  | (OfConversation & { type: 'webhook.handled'; webhookIds: string[]; caseId: string; skippedActivityIds?: string[] })
  /** An agent's reply read from an activity of the case: a message of the conversation, to deliver. */
  | (OfConversation & { type: 'agent.replied'; messageId: string; activityId: string; caseId: string; text: string })
  /** The case was closed in Creatio: the conversation is resolved and the customer gets a notice. */
  | (OfConversation & { type: 'conversation.closed'; caseId: string; noticeId: string; notice: string })
  /** The channel took an agent reply or a notice. */
  | (OfConversation & { type: 'reply.delivered'; messageId: string; role: 'agent' | 'system' });

export type WebhookTransientEvent =
  | { type: 'webhook.rejected'; at: string; status: number; code: string; message: string }
  | { type: 'webhook.ignored'; at: string; eventType: WebhookEventType; caseId: string; reason: string; conversationId?: string }
  | { type: 'webhook.acknowledged'; at: string; eventType: WebhookEventType; caseId: string; conversationId: string }
  | (OfConversation & { type: 'webhook.fetch-failed'; caseId: string; attempts: number; delayMs: number; error: ErrorInfo })
  | (OfConversation & { type: 'reply.delivery-failed'; messageId: string; reason: string; delayMs: number });
