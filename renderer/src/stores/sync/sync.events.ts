/**
 * Keeps the Sync view current while it is shown: the outbox on each outbox event, the settings when
 * they were saved elsewhere (another window, the CLI, a scenario), the webhook URL after a rotation,
 * and everything after a reset or a (re)connection.
 */
import type { LabEvent } from '../../../../contract';
import { onLabEvents, onStreamOpen } from '../../bridge/event-listeners';
import { loadOutbox } from './outbox.actions';
import { loadPickers, loadSettings } from './sync.actions';
import { loadWebhookUrl } from './webhook-url.actions';

const OUTBOX = new Set(['retry.scheduled', 'lab.reset', 'snapshot.restored', 'engine.started']);

function onBatch(events: LabEvent[]): void {
  if (events.some((e) => e.type.startsWith('outbox.') || OUTBOX.has(e.type))) void loadOutbox();
  if (events.some((e) => e.type === 'settings.saved' || e.type === 'settings.updated')) void loadSettings();
  if (events.some((e) => e.type === 'webhook-token.rotated')) void loadWebhookUrl();
}

function loadAll(): void {
  void loadSettings();
  void loadPickers();
  void loadOutbox();
  void loadWebhookUrl();
}

/** Starts following events; the returned function stops (the view unmounts). */
export function startSyncFollow(): () => void {
  const offEvents = onLabEvents(onBatch);
  const offOpen = onStreamOpen(loadAll);
  loadAll();
  return () => {
    offEvents();
    offOpen();
  };
}
