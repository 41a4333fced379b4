/**
 * The Lab API calls of the Timeline view (issue 6): older events, and the three logs a hop's request
 * is read from (the site's journal, the process log, the engine's webhook log). Only lab-client.ts
 * composes this; views call labClient().
 */
import { EventHistory, JournalEntries, ProcessLog, WebhookLog } from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

export function timelineApi(h: ApiHelpers) {
  return {
    /** `GET /api/events/history?after=`: the kept events after `after` (0: all the lab keeps). */
    eventHistory: (after = 0) => h.call(EventHistory, 'GET', `/events/history?after=${after}`),
    /** `GET /api/creatio/journal`: the site's requests, most recent first, secrets redacted. */
    journal: (query: { limit?: number; method?: string; path?: string } = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      return h.call(JournalEntries, 'GET', `/creatio/journal${params.size ? `?${params.toString()}` : ''}`);
    },
    /** `GET /api/process-log?processId=&limit=`: runs, oldest first. */
    processLog: (processId: string, limit = 1_000) =>
      h.call(ProcessLog, 'GET', `/process-log?processId=${encodeURIComponent(processId)}&limit=${limit}`),
    /** `GET /api/webhooks`: the engine's webhook receiver log, oldest first (token never kept). */
    webhookLog: () => h.call(WebhookLog, 'GET', '/webhooks'),
  };
}
