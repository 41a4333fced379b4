/** Builds the contract's Conversation from the engine's view and the fake chat's window. */
import type { ChatConversation } from '../../fake-chat';
import type { ConversationView } from '../../engine';
import type { Conversation, ConversationSummary } from '../../contract';

/** What a conversation and its summary share. */
function common(view: ConversationView) {
  return {
    id: view.id,
    channel: view.channel,
    customer: { ...view.customer },
    status: view.status,
    caseId: view.caseId ?? null,
    caseCreated: view.caseCreated,
    contactId: view.contactId ?? null,
    startedAt: view.startedAt,
  };
}

export function toConversation(view: ConversationView, chat: ChatConversation | undefined): Conversation {
  return {
    ...common(view),
    messages: view.messages.map(({ id, role, text, at }) => ({ id, role, text, at })),
    chat: chat ? { channel: chat.channel, entries: chat.entries.map((entry) => ({ ...entry })) } : null,
  };
}

export function toSummary(view: ConversationView): ConversationSummary {
  const last = view.messages.at(-1);
  return {
    ...common(view),
    messageCount: view.messages.length,
    lastMessage: last ? { id: last.id, role: last.role, text: last.text, at: last.at } : null,
  };
}
