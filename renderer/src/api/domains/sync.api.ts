/**
 * The Lab API calls of the Sync view (issue 6): the engine's settings (secrets masked as `***`), Test &
 * Save, token rotation, and the outbox with its dead letters. Only lab-client.ts composes this; views
 * call labClient().
 */
import {
  EngineSettingsView, OutboxList, OutboxRetryResult, RotateWebhookTokenResult, SettingsTestResult, type EngineSettingsBody,
} from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

export function syncApi(h: ApiHelpers) {
  return {
    /** `GET /api/settings`: the saved settings, secrets as `***`. */
    getSettings: () => h.call(EngineSettingsView, 'GET', '/settings'),
    /** `POST /api/settings/test`: signs in with these settings and checks each configured id names a record. */
    testSettings: (body: EngineSettingsBody) => h.call(SettingsTestResult, 'POST', '/settings/test', body),
    /** `PUT /api/settings`: saves and applies (`***` keeps a stored secret); answers the saved settings, masked. */
    saveSettings: (body: EngineSettingsBody) => h.call(EngineSettingsView, 'PUT', '/settings', body),
    /** `POST /api/settings/rotate-webhook-token`: a new token; answers the new URL, masked. */
    rotateWebhookToken: () => h.call(RotateWebhookTokenResult, 'POST', '/settings/rotate-webhook-token'),
    /** `GET /api/outbox`: every write to Creatio (pending, done, dead), oldest first. */
    outboxItems: () => h.call(OutboxList, 'GET', '/outbox'),
    /** `POST /api/outbox/:id/retry`: a dead letter goes back in the queue. */
    retryOutboxItem: (itemId: string) => h.call(OutboxRetryResult, 'POST', `/outbox/${h.id(itemId)}/retry`),
  };
}
