/**
 * What the Faults view does: set and clear the site's faults, expire sessions, revoke tokens, and
 * watch the lab recover. The outbox is read again when the engine's outbox events say it changed;
 * the site's state when events arrive and at the moment a "down for N s" ends (no event says that).
 */
import type { FaultsBody, LabEvent } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { onLabEvents, onStreamOpen } from '../../bridge/event-listeners';
import { coalesce } from '../../lib/coalesce';
import { currentFaults } from './faults.recovery';
import { useFaultsStore } from './faults.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useFaultsStore.getState();

let upAgainTimer: ReturnType<typeof setTimeout> | undefined;

/** Reads the faults; while the site is down, reads them again just after it is due up. */
export const refreshStatus = coalesce(async () => {
  try {
    const status = await labClient().getFaults();
    store().setStatus(status);
    clearTimeout(upAgainTimer);
    if (status.down && status.downUntil) upAgainTimer = setTimeout(() => void refreshStatus(), Math.max(50, status.downUntil - Date.now() + 100));
  } catch (error) {
    store().setStatusError(message(error));
  }
});

export const refreshOutbox = coalesce(async () => {
  try {
    const [pending, dead] = await Promise.all([labClient().outbox('pending'), labClient().outbox('dead')]);
    store().setOutbox(pending.items, dead.items);
  } catch (error) {
    store().setOutboxError(message(error));
  }
});

const OUTBOX_EVENTS = /^(outbox\.|retry\.scheduled$|case\.|activity\.logged$|contact\.|lab\.reset$|snapshot\.restored$)/;

function onEvents(events: LabEvent[]): void {
  if (events.some((e) => e.source === 'engine' || e.source === 'lab' ? OUTBOX_EVENTS.test(e.type) : false)) void refreshOutbox();
  // The site's counters move with every request it serves: any engine or site event is a good moment to look.
  if (events.some((e) => e.source === 'engine' || e.source === 'creatio')) void refreshStatus();
}

let watching = false;

/** Starts following events (once, for the window's lifetime) and reads the current state. */
export function watchFaults(): void {
  void refreshStatus();
  void refreshOutbox();
  if (watching) return;
  watching = true;
  onLabEvents(onEvents);
  onStreamOpen(() => {
    void refreshStatus();
    void refreshOutbox();
  });
}

async function act(label: string, done: string, work: () => Promise<void>): Promise<void> {
  store().setActing(label);
  try {
    await work();
    store().setActing(null, { text: done, error: false });
  } catch (error) {
    store().setActing(null, { text: message(error), error: true });
  } finally {
    void refreshStatus();
  }
}

/** Takes the site down for `seconds`, keeping the other faults in force. */
export function takeSiteDown(seconds: number, mode: 'reset' | '503'): Promise<void> {
  const others = { ...currentFaults(store().status, Date.now()), downForMs: undefined, downMode: undefined };
  return act('Taking the site down', `The site is down for ${seconds} s`, async () => {
    store().setStatus(await labClient().setFaults({ ...others, downForMs: seconds * 1000, downMode: mode }));
  });
}

/** Brings the site back at once, keeping the error, cut-off and latency faults. */
export function bringSiteBack(): Promise<void> {
  const { downForMs: _d, downMode: _m, ...others } = currentFaults(store().status, Date.now());
  return act('Bringing the site back', 'The site is up again', async () => {
    store().setStatus(await labClient().setFaults(others));
  });
}

/** Sets errors, cut-offs, latency and seed, keeping a site that is down down. */
export function applyFaults(body: Omit<FaultsBody, 'downForMs' | 'downMode'>): Promise<void> {
  const { downForMs, downMode } = currentFaults(store().status, Date.now());
  return act('Applying the faults', 'Faults applied', async () => {
    store().setStatus(await labClient().setFaults({ ...body, ...(downForMs ? { downForMs, downMode } : {}) }));
  });
}

export const clearFaults = () => act('Clearing the faults', 'All faults cleared', () => labClient().clearFaults());
export const expireSessions = () => act('Expiring sessions', 'Every forms session ended: the next request signs in again', () => labClient().expireSessions());
export const revokeTokens = () => act('Revoking tokens', 'Every OAuth token revoked: the engine will fetch a new one', () => labClient().revokeTokens());
