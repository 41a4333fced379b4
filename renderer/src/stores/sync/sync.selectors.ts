/** Selectors of the Sync store. */
import { problemSlot } from './settings-draft';
import type { PickerKind, SyncState } from './sync.store';

export const selectDraft = (s: SyncState) => s.draft;
export const selectDirty = (s: SyncState) => s.dirty;
export const selectLoad = (s: SyncState) => s.load;
export const selectLoadError = (s: SyncState) => s.loadError;
export const selectAuthKind = (s: SyncState) => s.draft?.authKind ?? 'oauth';
export const selectSavedAuthKind = (s: SyncState) => s.saved?.auth.kind ?? 'oauth';
export const selectPhase = (s: SyncState) => s.phase;
export const selectOutcome = (s: SyncState) => s.outcome;
export const selectProblems = (s: SyncState) => s.problems;
export const selectOptions = (kind: PickerKind) => (s: SyncState) => s.options[kind];
export const selectPickersError = (s: SyncState) => s.pickersError;
export const selectMaskedUrl = (s: SyncState) => s.maskedUrl;
export const selectConfirmingRotate = (s: SyncState) => s.confirmingRotate;
export const selectRotating = (s: SyncState) => s.rotating;
export const selectWebhookNotice = (s: SyncState) => s.webhookNotice;
export const selectItems = (s: SyncState) => s.items;
export const selectOutboxLoad = (s: SyncState) => s.outboxLoad;
export const selectOutboxError = (s: SyncState) => s.outboxError;
export const selectShowDone = (s: SyncState) => s.showDone;
export const selectRetryError = (s: SyncState) => s.retryError;
export const selectIsRetrying = (id: string) => (s: SyncState) => s.retrying.includes(id);

/** The problems shown beside one field (joined), or '' — a string, so the component re-renders only when it changes. */
export const selectProblemAt = (slot: string) => (s: SyncState) =>
  s.problems.filter((p) => problemSlot(p.field, s.draft?.authKind ?? 'oauth') === slot).map((p) => p.problem).join('; ');

