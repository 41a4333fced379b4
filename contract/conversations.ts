/** Conversations: a simulated customer on a channel, as the engine and the customer's chat see it. */
import { z } from 'zod';

export const Channel = z.enum(['web', 'email', 'sms', 'whatsapp']);
export type Channel = z.infer<typeof Channel>;

export const Role = z.enum(['customer', 'ai', 'agent', 'system']);
export type Role = z.infer<typeof Role>;

export const ConversationStatus = z.enum(['open', 'handed_off', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Customer = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be an email address like ana@example.com').optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{3,30}$/, 'must be a phone number like +44 20 7946 0958').optional(),
});
export type Customer = z.infer<typeof Customer>;

/** `POST /api/conversations` */
export const StartConversationBody = z.object({ customer: Customer, channel: Channel });
export type StartConversationBody = z.infer<typeof StartConversationBody>;

/** `POST /api/conversations/:id/messages`: the customer writes. */
export const SayBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(20_000) });
export type SayBody = z.infer<typeof SayBody>;

/** `POST /api/conversations/:id/handoff`: a manual handoff (as from the helpdesk inbox). */
export const HandoffBody = z.object({ reason: z.string().trim().min(1).max(500).optional() });
export type HandoffBody = z.infer<typeof HandoffBody>;

/** One message of the engine's transcript. */
export const Message = z.object({ id: z.string(), role: Role, text: z.string(), at: z.string() });
export type Message = z.infer<typeof Message>;

/** One entry as the customer's channel shows it (fake chat). */
export const ChatEntry = z.object({
  id: z.string(),
  messageId: z.string().optional(),
  role: Role,
  text: z.string(),
  at: z.string(),
  /** 'refused': the channel refused it (e.g. WhatsApp outside the 24-hour window); `refusal` says why. */
  state: z.enum(['shown', 'refused']),
  refusal: z.string().optional(),
  /** SMS: the segments the text arrived in. */
  segments: z.array(z.string()).optional(),
  /** Email: the subject line. */
  subject: z.string().optional(),
});
export type ChatEntry = z.infer<typeof ChatEntry>;

/** The customer's side of the conversation; null when the chat has no window for it. */
export const ChatView = z.object({ channel: Channel, entries: z.array(ChatEntry) });
export type ChatView = z.infer<typeof ChatView>;

/** `GET /api/conversations/:id` */
export const Conversation = z.object({
  id: z.string(),
  channel: Channel,
  customer: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
  status: ConversationStatus,
  /** The case's Id once the engine chose it (it may still be on its way to Creatio): null before. */
  caseId: z.string().nullable(),
  /** True once Creatio confirmed the case. */
  caseCreated: z.boolean(),
  contactId: z.string().nullable(),
  startedAt: z.string(),
  messages: z.array(Message),
  chat: ChatView.nullable(),
});
export type Conversation = z.infer<typeof Conversation>;

/** `GET /api/conversations`: one line per conversation, newest last. */
export const ConversationSummary = Conversation.omit({ messages: true, chat: true }).extend({
  messageCount: z.number().int(),
  lastMessage: Message.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationList = z.object({ conversations: z.array(ConversationSummary) });
export type ConversationList = z.infer<typeof ConversationList>;

/** What a manual handoff carries to Creatio (the simulated AI's payload). */
export const Handoff = z.object({
  reason: z.string(),
  summary: z.string(),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  language: z.string(),
  timestamp: z.string(),
});
export type Handoff = z.infer<typeof Handoff>;

export const HandoffResult = z.object({ handoff: Handoff, conversation: Conversation });
export type HandoffResult = z.infer<typeof HandoffResult>;

/** `POST /api/chat/advance-clock`: moves the chat's clock (the WhatsApp 24-hour window). */
export const AdvanceClockBody = z.object({ ms: z.number().int().positive().max(366 * 24 * 3_600_000) });
export type AdvanceClockBody = z.infer<typeof AdvanceClockBody>;
