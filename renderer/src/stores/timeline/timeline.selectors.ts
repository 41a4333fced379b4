/** Selectors of the timeline store. */
import type { TimelineState } from './timeline.store';

export const selectLastSeq = (s: TimelineState) => s.lastSeq;
export const selectEventCount = (s: TimelineState) => s.events.length;
