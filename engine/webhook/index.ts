/** The engine's webhook receiver (issue 4): request checks, the webhook log, agent replies and closures. */
export { createWebhookReceiver, CLOSURE_NOTICE, type WebhookReceiver } from './webhook-receiver';
export { createReplySync, activityText, type ReplySync } from './reply-sync';
export {
  checkWebhookRequest, isJsonContentType, NOT_FOUND, WEBHOOK_MAX_BYTES,
  type WebhookRequest, type WebhookResponse, type WebhookProblem, type WebhookErrorBody,
} from './webhook-request';
export { constantTimeEqual } from './constant-time';
export { htmlToText, decodeEntities } from './html-text';
export type { WebhookLogEntry } from './webhook-log';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookDurableEvent, type WebhookTransientEvent } from './webhook-events';
export type { ConversationWebhookState } from './webhook-state';
