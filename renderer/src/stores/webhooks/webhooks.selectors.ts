/** Selectors of the Webhooks store. */
import type { WebhooksState } from './webhooks.store';

export const selectEntries = (s: WebhooksState) => s.entries;
export const selectLoad = (s: WebhooksState) => s.load;
export const selectLoadError = (s: WebhooksState) => s.loadError;
export const selectSelectedSeq = (s: WebhooksState) => s.selectedSeq;
export const selectSelectedEntry = (s: WebhooksState) => (s.selectedSeq === null ? null : s.entries.find((e) => e.seq === s.selectedSeq) ?? null);
export const selectIsSelected = (seq: number) => (s: WebhooksState) => s.selectedSeq === seq;
export const selectDraft = (s: WebhooksState) => s.draft;
export const selectSending = (s: WebhooksState) => s.sending;
export const selectSendError = (s: WebhooksState) => s.sendError;
export const selectAnswer = (s: WebhooksState) => s.answer;
export const selectNotice = (s: WebhooksState) => s.notice;
