/**
 * Every event of the lab as the bridge receives it, and what the Timeline view shows (issue 6): the
 * older events read once from the history, the chosen conversation, the hop whose request is open.
 * Only the newest events are kept live in the window: the lab keeps 10,000 and answers history on request.
 */
import { create, type StateCreator } from 'zustand';
import type { LabEvent } from '../../../../contract';
import type { RequestView } from './timeline.requests';

const KEEP = 2_000;

export interface EventsSlice {
  events: LabEvent[];
  lastSeq: number;
  append: (events: LabEvent[]) => void;
}

export type Load = 'idle' | 'loading' | 'ready' | 'error';

export interface HistorySlice {
  /** Events older than the live ones, read from `GET /api/events/history` (seq below the first live one). */
  history: LabEvent[];
  historyLoad: Load;
  historyError: string | undefined;
  setHistory: (events: LabEvent[]) => void;
  setHistoryLoad: (load: Load, error?: string) => void;
}

export interface HopSlice {
  /** The conversation drawn (null: the newest one). */
  conversationId: string | null;
  /** The hop whose request is shown, by seq. */
  openSeq: number | null;
  request: RequestView | null;
  requestLoad: Load;
  requestError: string | undefined;
  chooseConversation: (id: string | null) => void;
  openHop: (seq: number | null) => void;
  setRequest: (seq: number, request: RequestView | null, load: Load, error?: string) => void;
}

export type TimelineState = EventsSlice & HistorySlice & HopSlice;

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

const createHistorySlice: StateCreator<TimelineState, [], [], HistorySlice> = (set) => ({
  history: [],
  historyLoad: 'idle',
  historyError: undefined,
  setHistory: (events) => set((s) => {
    const firstLive = s.events[0]?.seq ?? Number.POSITIVE_INFINITY;
    return { history: events.filter((e) => e.seq < firstLive), historyLoad: 'ready', historyError: undefined };
  }),
  setHistoryLoad: (historyLoad, historyError) => set({ historyLoad, historyError }),
});

const createHopSlice: StateCreator<TimelineState, [], [], HopSlice> = (set, get) => ({
  conversationId: null,
  openSeq: null,
  request: null,
  requestLoad: 'idle',
  requestError: undefined,
  chooseConversation: (conversationId) => set({ conversationId, openSeq: null, request: null, requestLoad: 'idle', requestError: undefined }),
  openHop: (openSeq) => set({ openSeq, request: null, requestLoad: openSeq === null ? 'idle' : 'loading', requestError: undefined }),
  // An answer for a hop that is no longer open is dropped: the person has clicked on.
  setRequest: (seq, request, requestLoad, requestError) => {
    if (get().openSeq === seq) set({ request, requestLoad, requestError });
  },
});

export const useTimelineStore = create<TimelineState>()((...a) => ({
  ...createEventsSlice(...a), ...createHistorySlice(...a), ...createHopSlice(...a),
}));
