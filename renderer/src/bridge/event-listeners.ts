/**
 * Subscriptions to the event stream for the domain stores (processes, webhooks, sync, faults,
 * scenarios...): the bridge hands every batch of events to each listener, and tells them when the
 * stream (re)connects so they can read their state again. Listeners' errors never stop the bridge.
 */
import type { LabEvent } from '../../../contract';

type BatchListener = (events: LabEvent[]) => void;
type ReconnectListener = () => void;

const batchListeners = new Set<BatchListener>();
const reconnectListeners = new Set<ReconnectListener>();

/** `listener` sees every batch of events from now on; returns the unsubscribe function. */
export function onLabEvents(listener: BatchListener): () => void {
  batchListeners.add(listener);
  return () => void batchListeners.delete(listener);
}

/** `listener` runs each time the stream opens (first connection and every reconnection, and after a reset). */
export function onStreamOpen(listener: ReconnectListener): () => void {
  reconnectListeners.add(listener);
  return () => void reconnectListeners.delete(listener);
}

export function notifyBatch(events: LabEvent[]): void {
  for (const listener of batchListeners) {
    try {
      listener(events);
    } catch (error) {
      console.warn('An event listener failed:', error);
    }
  }
}

export function notifyStreamOpen(): void {
  for (const listener of reconnectListeners) {
    try {
      listener();
    } catch (error) {
      console.warn('A reconnect listener failed:', error);
    }
  }
}
