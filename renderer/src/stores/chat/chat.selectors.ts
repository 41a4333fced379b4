/** Selectors of the chat store; factories take the conversation id and return a small value. */
import type { ChatEntry, Conversation } from '../../../../contract';
import type { ChatState } from './chat.store';

export const selectOrder = (s: ChatState) => s.order;
export const selectCustomerName = (id: string) => (s: ChatState) => s.byId[id]?.customer.name ?? '';
export const selectChannel = (id: string) => (s: ChatState) => s.byId[id]?.channel ?? 'web';
export const selectStatus = (id: string) => (s: ChatState) => s.byId[id]?.status ?? 'open';
export const selectCaseId = (id: string) => (s: ChatState) => s.byId[id]?.caseId ?? null;
export const selectCaseCreated = (id: string) => (s: ChatState) => s.byId[id]?.caseCreated ?? false;
export const selectDraft = (id: string) => (s: ChatState) => s.drafts[id] ?? '';
export const selectBusy = (id: string) => (s: ChatState) => s.busy[id] ?? false;
export const selectError = (id: string) => (s: ChatState) => s.errors[id];

/**
 * What the customer sees: the chat's own entries (channel rules applied), or, when the chat has no
 * window for the conversation, the transcript as plain shown entries. The same array is returned
 * while the conversation object is unchanged, so the list does not re-render for nothing.
 */
const entriesCache = new WeakMap<Conversation, ChatEntry[]>();
export const selectEntries = (id: string) => (s: ChatState): ChatEntry[] => {
  const conversation = s.byId[id];
  if (!conversation) return NO_ENTRIES;
  const cached = entriesCache.get(conversation);
  if (cached) return cached;
  const entries = conversation.chat?.entries
    ?? conversation.messages.map((m) => ({ id: m.id, messageId: m.id, role: m.role, text: m.text, at: m.at, state: 'shown' as const }));
  entriesCache.set(conversation, entries);
  return entries;
};
const NO_ENTRIES: ChatEntry[] = [];
