/**
 * The Faults view: the site's faults as it answers them (settings, down now, counters), the engine's
 * outbox while it recovers (writes waiting, their retries, dead letters), and the action in flight.
 * Two typed slices.
 */
import { create, type StateCreator } from 'zustand';
import type { FaultsStatus, OutboxItem } from '../../../../contract';

export interface SiteSlice {
  status: FaultsStatus | null;
  statusError: string | undefined;
  /** True once the site was seen down in this window: "recovered — all synced" is then worth saying. */
  sawDown: boolean;
  /** An action in flight ("Taking the site down"), for the busy state. */
  acting: string | null;
  /** What the last action did, or why it failed. */
  notice: { text: string; error: boolean } | null;
  setStatus: (status: FaultsStatus) => void;
  setStatusError: (error: string) => void;
  setActing: (acting: string | null, notice?: { text: string; error: boolean }) => void;
}

export interface OutboxSlice {
  pending: OutboxItem[];
  dead: OutboxItem[];
  outboxError: string | undefined;
  setOutbox: (pending: OutboxItem[], dead: OutboxItem[]) => void;
  setOutboxError: (error: string) => void;
}

export type FaultsState = SiteSlice & OutboxSlice;

const createSiteSlice: StateCreator<FaultsState, [], [], SiteSlice> = (set) => ({
  status: null,
  statusError: undefined,
  sawDown: false,
  acting: null,
  notice: null,
  setStatus: (status) => set((s) => ({ status, statusError: undefined, sawDown: s.sawDown || status.down })),
  setStatusError: (statusError) => set({ statusError }),
  setActing: (acting, notice) => set((s) => ({ acting, notice: notice ?? (acting ? null : s.notice) })),
});

const createOutboxSlice: StateCreator<FaultsState, [], [], OutboxSlice> = (set) => ({
  pending: [],
  dead: [],
  outboxError: undefined,
  setOutbox: (pending, dead) => set({ pending, dead, outboxError: undefined }),
  setOutboxError: (outboxError) => set({ outboxError }),
});

export const useFaultsStore = create<FaultsState>()((...a) => ({ ...createSiteSlice(...a), ...createOutboxSlice(...a) }));
