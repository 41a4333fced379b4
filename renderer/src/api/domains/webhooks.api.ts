/**
 * The Lab API calls of the Webhooks view (issue 6): the engine's webhook log, raw sends to its receiver
 * (replay, edit-and-replay), and the secret webhook URL for "copy with token" (clipboard only, never
 * shown). Only lab-client.ts composes this; views call labClient().
 */
import { SendWebhookResult, WebhookLog, WebhookUrl, type SendWebhookBody } from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

export function webhooksApi(h: ApiHelpers) {
  return {
    /** `GET /api/webhooks`: every request the receiver got, oldest first, with headers, answer and timing. */
    webhookEntries: () => h.call(WebhookLog, 'GET', '/webhooks'),
    /** `POST /api/webhooks/send`: a real request to the receiver; answers its status and body. */
    sendWebhook: (body: SendWebhookBody) => h.call(SendWebhookResult, 'POST', '/webhooks/send', body),
    /** `GET /api/settings/webhook-url`: the full URL with its secret token (for the clipboard only). */
    secretWebhookUrl: () => h.call(WebhookUrl, 'GET', '/settings/webhook-url'),
  };
}
