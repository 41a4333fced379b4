/**
 * The Webhooks view: the engine's webhook log, the entry being looked at, the edit-and-replay form
 * and the receiver's last answer. Three typed slices; actions in webhooks.actions.ts.
 */
import { create, type StateCreator } from 'zustand';
import type { WebhookLogEntry } from '../../../../contract';

export type Load = 'idle' | 'loading' | 'ready' | 'error';
export type TokenChoice = 'valid' | 'wrong';

export interface LogSlice {
  entries: WebhookLogEntry[];
  load: Load;
  loadError: string | undefined;
  selectedSeq: number | null;
  setEntries: (entries: WebhookLogEntry[]) => void;
  setLoad: (load: Load, error?: string) => void;
  select: (seq: number | null) => void;
}

export interface WebhookDraft {
  body: string;
  contentType: string;
  token: TokenChoice;
}

export interface EditorSlice {
  /** The edit-and-replay form; null while closed. */
  draft: WebhookDraft | null;
  openEditor: (draft: WebhookDraft) => void;
  editDraft: (change: Partial<WebhookDraft>) => void;
  closeEditor: () => void;
}

export interface Answer {
  /** What was sent: "Replay of #3", "Edited request". */
  label: string;
  status: number;
  body: unknown;
  /** The log entry the request made, once the log shows it. */
  seq?: number;
}

export interface SendSlice {
  /** A request in flight ("Replaying #3"), for the busy state. */
  sending: string | null;
  answer: Answer | null;
  sendError: string | undefined;
  /** What the last copy put on the clipboard (or why it could not). */
  notice: string | null;
  setSending: (sending: string | null, error?: string) => void;
  setAnswer: (answer: Answer | null) => void;
  setNotice: (notice: string | null) => void;
}

export type WebhooksState = LogSlice & EditorSlice & SendSlice;

const createLogSlice: StateCreator<WebhooksState, [], [], LogSlice> = (set) => ({
  entries: [],
  load: 'idle',
  loadError: undefined,
  selectedSeq: null,
  setEntries: (entries) => set((s) => ({
    entries, load: 'ready', loadError: undefined,
    // A reset empties the engine's log: forget a selection that is gone.
    selectedSeq: s.selectedSeq !== null && entries.some((e) => e.seq === s.selectedSeq) ? s.selectedSeq : null,
  })),
  setLoad: (load, loadError) => set({ load, loadError }),
  select: (selectedSeq) => set({ selectedSeq, notice: null }),
});

const createEditorSlice: StateCreator<WebhooksState, [], [], EditorSlice> = (set) => ({
  draft: null,
  openEditor: (draft) => set({ draft, sendError: undefined }),
  editDraft: (change) => set((s) => (s.draft ? { draft: { ...s.draft, ...change } } : {})),
  closeEditor: () => set({ draft: null, sendError: undefined }),
});

const createSendSlice: StateCreator<WebhooksState, [], [], SendSlice> = (set) => ({
  sending: null,
  answer: null,
  sendError: undefined,
  notice: null,
  setSending: (sending, sendError) => set({ sending, sendError }),
  setAnswer: (answer) => set({ answer }),
  setNotice: (notice) => set({ notice }),
});

export const useWebhooksStore = create<WebhooksState>()((...a) => ({
  ...createLogSlice(...a), ...createEditorSlice(...a), ...createSendSlice(...a),
}));
