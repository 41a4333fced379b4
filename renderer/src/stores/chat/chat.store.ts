/**
 * The customer chat: every conversation as the Lab API answers it (transcript, status, case, and the
 * chat as the customer's channel shows it), plus what the person at the window is doing with each
 * (drafts, a send in flight, the last error). Two typed slices.
 */
import { create, type StateCreator } from 'zustand';
import type { Conversation } from '../../../../contract';

export interface ConversationsSlice {
  byId: Record<string, Conversation>;
  /** Ids in the order the conversations started (panels left to right). */
  order: string[];
  upsert: (conversation: Conversation) => void;
  replaceAll: (conversations: Conversation[]) => void;
}

export interface ComposeSlice {
  drafts: Record<string, string>;
  busy: Record<string, boolean>;
  errors: Record<string, string | undefined>;
  setDraft: (id: string, text: string) => void;
  setBusy: (id: string, busy: boolean) => void;
  setError: (id: string, error: string | undefined) => void;
}

export type ChatState = ConversationsSlice & ComposeSlice;

const byStart = (a: Conversation, b: Conversation) => a.startedAt.localeCompare(b.startedAt);

const createConversationsSlice: StateCreator<ChatState, [], [], ConversationsSlice> = (set) => ({
  byId: {},
  order: [],
  upsert: (conversation) => set((s) => ({
    byId: { ...s.byId, [conversation.id]: conversation },
    order: s.order.includes(conversation.id) ? s.order : [...s.order, conversation.id],
  })),
  replaceAll: (conversations) => set({
    byId: Object.fromEntries(conversations.map((c) => [c.id, c])),
    order: [...conversations].sort(byStart).map((c) => c.id),
  }),
});

const createComposeSlice: StateCreator<ChatState, [], [], ComposeSlice> = (set) => ({
  drafts: {},
  busy: {},
  errors: {},
  setDraft: (id, text) => set((s) => ({ drafts: { ...s.drafts, [id]: text } })),
  setBusy: (id, busy) => set((s) => ({ busy: { ...s.busy, [id]: busy } })),
  setError: (id, error) => set((s) => ({ errors: { ...s.errors, [id]: error } })),
});

export const useChatStore = create<ChatState>()((...a) => ({ ...createConversationsSlice(...a), ...createComposeSlice(...a) }));
