/**
 * Keeps the Webhooks view current while it is shown: the log again on each webhook event (a request
 * logged, an accepted webhook's result noted), after a reset or snapshot restore, and on (re)connection.
 */
import type { LabEvent } from '../../../../contract';
import { onLabEvents, onStreamOpen } from '../../bridge/event-listeners';
import { loadLog } from './webhooks.actions';

/** A result is noted on the accepted entry when its activities are read (webhook.handled, replies delivered). */
const REFRESHING = new Set(['webhook.handled', 'agent.replied', 'reply.delivered', 'lab.reset', 'snapshot.restored', 'engine.started']);

export function touchesWebhookLog(event: LabEvent): boolean {
  return event.type.startsWith('webhook.') || REFRESHING.has(event.type);
}

/** Starts following events; the returned function stops (the view unmounts). */
export function startWebhooksSync(): () => void {
  const offEvents = onLabEvents((events) => {
    if (events.some(touchesWebhookLog)) void loadLog();
  });
  const offOpen = onStreamOpen(() => void loadLog());
  void loadLog();
  return () => {
    offEvents();
    offOpen();
  };
}
