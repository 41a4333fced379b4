/** Read-only views of the engine's state, as `SyncEngine` hands them out (copies, never live state). */
import type { ConversationChannel, Customer, MessageRole } from './events';
import type { ConversationState, ConversationStatus, MessageState } from './state/reducer';

export interface MessageView {
  id: string;
  conversationId: string;
  role: MessageRole;
  text: string;
  at: string;
}

export interface ConversationView {
  id: string;
  channel: ConversationChannel;
  customer: Customer;
  status: ConversationStatus;
  /** The case's Id once the engine chose it (the case may still be on its way to Creatio). */
  caseId?: string;
  /** True once Creatio confirmed the case. */
  caseCreated: boolean;
  contactId?: string;
  startedAt: string;
  messages: MessageView[];
}

export function messageView(conversationId: string, message: MessageState): MessageView {
  return { id: message.id, conversationId, role: message.role, text: message.text, at: message.at };
}

export function conversationView(c: ConversationState): ConversationView {
  return {
    id: c.id, channel: c.channel, customer: { ...c.customer }, status: c.status,
    ...(c.caseId ? { caseId: c.caseId } : {}), caseCreated: c.caseCreated,
    ...(c.contactId ? { contactId: c.contactId } : {}), startedAt: c.startedAt,
    messages: c.messages.map((m) => messageView(c.id, m)),
  };
}
