/** Selectors of the timeline store. */
import type { TimelineState } from './timeline.store';

export const selectLastSeq = (s: TimelineState) => s.lastSeq;
export const selectEventCount = (s: TimelineState) => s.events.length;
export const selectEvents = (s: TimelineState) => s.events;
export const selectHistory = (s: TimelineState) => s.history;
export const selectHistoryLoad = (s: TimelineState) => s.historyLoad;
export const selectHistoryError = (s: TimelineState) => s.historyError;
export const selectChosenConversation = (s: TimelineState) => s.conversationId;
export const selectOpenSeq = (s: TimelineState) => s.openSeq;
export const selectRequest = (s: TimelineState) => s.request;
export const selectRequestLoad = (s: TimelineState) => s.requestLoad;
export const selectRequestError = (s: TimelineState) => s.requestError;
export const selectIsOpenHop = (seq: number) => (s: TimelineState) => s.openSeq === seq;
