/**
 * Every event of the lab as the bridge receives it (the Timeline view draws from it; issue 6). Only
 * the newest events are kept in the window: the lab keeps 10,000 and answers history on request.
 */
import { create, type StateCreator } from 'zustand';
import type { LabEvent } from '../../../../contract';

const KEEP = 2_000;

export interface EventsSlice {
  events: LabEvent[];
  lastSeq: number;
  append: (events: LabEvent[]) => void;
}

export type TimelineState = EventsSlice;

const createEventsSlice: StateCreator<TimelineState, [], [], EventsSlice> = (set) => ({
  events: [],
  lastSeq: 0,
  append: (events) => set((s) => {
    const fresh = events.filter((e) => e.seq > s.lastSeq);
    if (fresh.length === 0) return {};
    const all = [...s.events, ...fresh];
    return { events: all.length > KEEP ? all.slice(all.length - KEEP) : all, lastSeq: fresh[fresh.length - 1]!.seq };
  }),
});

export const useTimelineStore = create<TimelineState>()((...a) => ({ ...createEventsSlice(...a) }));
