/**
 * The fake customer chat (issue 5): simulated customers on their channels. It shows each
 * conversation as the customer's channel would (web widget, email, SMS, WhatsApp) and applies the
 * channel rules that matter to the flow. It knows nothing of the engine (conventions.md: a
 * simulator shares no code with the system under test); the lab wires it to the engine's Channel
 * port, whose shape `deliver()` matches structurally.
 */
export type ChatChannel = 'web' | 'email' | 'sms' | 'whatsapp';
export type ChatRole = 'customer' | 'ai' | 'agent' | 'system';

export interface ChatCustomer {
  name: string;
  email?: string;
  phone?: string;
}

/** One entry of a conversation as the customer's channel shows it. */
export interface ChatEntry {
  /** The chat's own id for the entry (deterministic from the chat's id source). */
  id: string;
  /** For a message that came from the helpdesk: the helpdesk's message id (deduplication key). */
  messageId?: string;
  role: ChatRole;
  text: string;
  at: string;
  /**
   * 'shown': the customer sees it. 'refused': the channel refused it (e.g. a WhatsApp business
   * reply outside the 24-hour window): kept, visible as refused, with `refusal` saying why.
   */
  state: 'shown' | 'refused';
  refusal?: string;
  /** SMS: the segments the text arrived in (each at most 160 GSM-7 / 70 UCS-2 characters). */
  segments?: string[];
  /** Email: the subject line the customer sees. */
  subject?: string;
}

export interface ChatConversation {
  /** The helpdesk's session id (the engine's conversation id). */
  id: string;
  channel: ChatChannel;
  customer: ChatCustomer;
  /**
   * What the customer's channel shows, in order. The conversation's status (open, handed_off,
   * resolved) is the engine's: the chat shows the notices but does not derive a status from them.
   */
  entries: ChatEntry[];
  /** Epoch ms of the customer's last message (the WhatsApp 24-hour window starts here). */
  lastCustomerMessageAt?: number;
}

/** What the channel reports back to the helpdesk for one outbound message (Channel port shape). */
export type DeliveryResult = { delivered: true } | { delivered: false; reason: string };

export type ChatEvent =
  | { type: 'chat.conversation-opened'; conversationId: string; channel: ChatChannel; customer: ChatCustomer; at: string }
  | { type: 'chat.customer-wrote'; conversationId: string; entry: ChatEntry; at: string }
  | { type: 'chat.message-shown'; conversationId: string; entry: ChatEntry; at: string }
  | { type: 'chat.message-refused'; conversationId: string; entry: ChatEntry; reason: string; at: string }
  | { type: 'chat.duplicate-ignored'; conversationId: string; messageId: string; at: string };

export interface FakeChatOptions {
  /** Folder for the chat's state (`<workspace>/chat`); state is saved as `chat.json`, pretty-printed. */
  dir: string;
  /** Clock in epoch ms (tests and scenarios inject one). The chat adds its own offset (`advanceClock`). */
  now?: () => number;
  /** Source of entry ids (seeded in scenarios so runs repeat); default crypto.randomUUID. */
  newId?: () => string;
  /** 'fsync' (default) or 'none' for throwaway runs. */
  durability?: 'fsync' | 'none';
}

export interface FakeChat {
  /** Opens a conversation (the lab got its id from the engine). Opening an open id returns it unchanged. */
  openConversation(input: { id: string; channel: ChatChannel; customer: ChatCustomer }): Promise<ChatConversation>;
  /**
   * The customer writes: the entry is saved and returned; its `id` is the clientMessageId the lab
   * passes to the engine, so a resend is recognised.
   */
  customerWrites(conversationId: string, text: string): Promise<ChatEntry>;
  /**
   * The helpdesk sends a message to the customer (engine Channel port). Applies channel rules; the
   * same `message.id` twice is shown once (the second answers delivered, and emits
   * chat.duplicate-ignored). Unknown conversation: `{delivered:false, reason}`.
   */
  deliver(message: { id: string; conversationId: string; role: 'ai' | 'agent' | 'system'; text: string }): Promise<DeliveryResult>;
  get(conversationId: string): ChatConversation | undefined;
  list(): ChatConversation[];
  /** Moves the chat's clock forward (to rehearse the WhatsApp 24-hour window without waiting). */
  advanceClock(ms: number): void;
  onEvent(listener: (event: ChatEvent) => void): () => void;
  /** Forgets every conversation (workspace reset). */
  reset(): Promise<void>;
  /** Flushes pending writes. */
  close(): Promise<void>;
}
