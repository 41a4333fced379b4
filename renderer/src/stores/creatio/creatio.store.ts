/**
 * The Creatio desk: the case list, the open case with its activity feed, the case statuses, and the
 * agent's reply being written. Three typed slices.
 */
import { create, type StateCreator } from 'zustand';
import type { ActivityRow, CaseDetail, CaseRow, StatusRow } from './creatio.rows';

export type Load = 'idle' | 'loading' | 'ready' | 'error';

export interface CaseListSlice {
  cases: CaseRow[];
  statuses: StatusRow[];
  listLoad: Load;
  listError: string | undefined;
  setCases: (cases: CaseRow[]) => void;
  setStatuses: (statuses: StatusRow[]) => void;
  setListLoad: (load: Load, error?: string) => void;
}

export interface CasePageSlice {
  openCaseId: string | null;
  detail: CaseDetail | null;
  activities: ActivityRow[];
  pageLoad: Load;
  pageError: string | undefined;
  openCase: (id: string | null) => void;
  setPage: (detail: CaseDetail, activities: ActivityRow[]) => void;
  setPageLoad: (load: Load, error?: string) => void;
}

export type ReplyType = 'email' | 'task';

export interface ReplySlice {
  replyText: string;
  replyType: ReplyType;
  /** An agent action in flight (a reply, a status change): its label, for the busy state. */
  acting: string | null;
  actionError: string | undefined;
  setReplyText: (text: string) => void;
  setReplyType: (type: ReplyType) => void;
  setActing: (acting: string | null, error?: string) => void;
}

export type CreatioState = CaseListSlice & CasePageSlice & ReplySlice;

const createCaseListSlice: StateCreator<CreatioState, [], [], CaseListSlice> = (set) => ({
  cases: [],
  statuses: [],
  listLoad: 'idle',
  listError: undefined,
  setCases: (cases) => set({ cases, listLoad: 'ready', listError: undefined }),
  setStatuses: (statuses) => set({ statuses }),
  setListLoad: (listLoad, listError) => set({ listLoad, listError }),
});

const createCasePageSlice: StateCreator<CreatioState, [], [], CasePageSlice> = (set, get) => ({
  openCaseId: null,
  detail: null,
  activities: [],
  pageLoad: 'idle',
  pageError: undefined,
  openCase: (openCaseId) => {
    if (openCaseId === get().openCaseId) return;
    set({ openCaseId, detail: null, activities: [], pageLoad: openCaseId ? 'loading' : 'idle', pageError: undefined, replyText: '', actionError: undefined });
  },
  setPage: (detail, activities) => set((s) => (s.openCaseId === detail.id ? { detail, activities, pageLoad: 'ready', pageError: undefined } : {})),
  setPageLoad: (pageLoad, pageError) => set({ pageLoad, pageError }),
});

const createReplySlice: StateCreator<CreatioState, [], [], ReplySlice> = (set) => ({
  replyText: '',
  replyType: 'email',
  acting: null,
  actionError: undefined,
  setReplyText: (replyText) => set({ replyText }),
  setReplyType: (replyType) => set({ replyType }),
  setActing: (acting, actionError) => set({ acting, actionError }),
});

export const useCreatioStore = create<CreatioState>()((...a) => ({
  ...createCaseListSlice(...a), ...createCasePageSlice(...a), ...createReplySlice(...a),
}));
