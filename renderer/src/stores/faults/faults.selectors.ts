/** Selectors of the faults store. */
import { recoveryLine } from './faults.recovery';
import type { FaultsState } from './faults.store';

export const selectStatus = (s: FaultsState) => s.status;
export const selectStatusError = (s: FaultsState) => s.statusError;
export const selectIsDown = (s: FaultsState) => s.status?.down ?? false;
export const selectCounters = (s: FaultsState) => s.status?.counters ?? null;
export const selectActing = (s: FaultsState) => s.acting;
export const selectNotice = (s: FaultsState) => s.notice;
export const selectPending = (s: FaultsState) => s.pending;
export const selectDeadCount = (s: FaultsState) => s.dead.length;
export const selectOutboxError = (s: FaultsState) => s.outboxError;
/** Retries so far of the writes still waiting. */
export const selectRetries = (s: FaultsState) => s.pending.reduce((sum, item) => sum + Math.max(0, item.attempts), 0);
export const selectRecoveryText = (s: FaultsState) =>
  recoveryLine({ down: s.status?.down ?? false, sawDown: s.sawDown, pending: s.pending.length, dead: s.dead.length }).text;
export const selectRecoveryPhase = (s: FaultsState) =>
  recoveryLine({ down: s.status?.down ?? false, sawDown: s.sawDown, pending: s.pending.length, dead: s.dead.length }).phase;
