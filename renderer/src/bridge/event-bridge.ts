/**
 * The one bridge from the lab's event stream to the stores. It reads `/api/events` (resuming with
 * Last-Event-ID after the last seq it saw, so nothing is missed or repeated), notes every event in the
 * timeline store, and reads again what the events made stale. Each (re)connection first reloads the
 * views, so state changed while the stream was down is caught up.
 */
import type { LabEvent } from '../../../contract';
import { labClient } from '../api/lab-client';
import { useAppStore } from '../stores/app/app.store';
import { loadConversations, refreshConversation } from '../stores/chat/chat.actions';
import { refreshCases, refreshOpenCase } from '../stores/creatio/creatio.actions';
import { useCreatioStore } from '../stores/creatio/creatio.store';
import { useTimelineStore } from '../stores/timeline/timeline.store';
import { notifyBatch, notifyStreamOpen } from './event-listeners';
import { emptyStale, markStale } from './event-routes';

const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];

function reloadAll(): void {
  void loadConversations().catch((error: unknown) => console.warn('Could not load the conversations:', error));
  void refreshCases();
  void refreshOpenCase();
  void labClient().info().then((info) => useAppStore.getState().setInfo(info), () => undefined);
  notifyStreamOpen();
}

function applyBatch(events: LabEvent[]): void {
  useTimelineStore.getState().append(events);
  notifyBatch(events);
  const stale = events.reduce(markStale, emptyStale());
  if (stale.all) return reloadAll();
  for (const id of stale.conversations) void refreshConversation(id);
  if (stale.cases) void refreshCases();
  const open = useCreatioStore.getState().openCaseId?.toLowerCase();
  if (open && stale.caseIds.has(open)) void refreshOpenCase();
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}

/** Starts the bridge; the returned function stops it. */
export function startEventBridge(): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const pending: LabEvent[] = [];
  // Events arrive in bursts: apply them once per task, not once each.
  const onEvent = (event: LabEvent) => {
    if (pending.length === 0) queueMicrotask(() => applyBatch(pending.splice(0)));
    pending.push(event);
  };

  void (async () => {
    for (let attempt = 0; !signal.aborted; attempt += 1) {
      try {
        await labClient().streamEvents({
          afterSeq: useTimelineStore.getState().lastSeq, signal, onEvent,
          onOpen: () => {
            attempt = 0;
            useAppStore.getState().setConnection('live');
            reloadAll();
          },
        });
      } catch (error) {
        if (signal.aborted) return;
        console.warn('The event stream stopped:', error);
      }
      if (signal.aborted) return;
      useAppStore.getState().setConnection('reconnecting');
      await pause(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!, signal);
    }
  })();
  return () => controller.abort();
}
