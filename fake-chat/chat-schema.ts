/**
 * zod schemas for the chat's boundaries: the inputs of the FakeChat calls and the state file
 * `chat.json`. Each schema mirrors a shape of fake-chat.types.ts.
 */
import { z } from 'zod';
import { FakeChatError } from './chat-error';

export const ChatChannel = z.enum(['web', 'email', 'sms', 'whatsapp']);

export const ChatCustomer = z.object({
  name: z.string().trim().min(1, 'the customer needs a name'),
  email: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
});

export const OpenConversationInput = z.object({
  id: z.string().min(1, 'the conversation id is empty'),
  channel: ChatChannel,
  customer: ChatCustomer,
});

export const OutboundMessageInput = z.object({
  id: z.string().min(1, 'the message id is empty'),
  conversationId: z.string().min(1, 'the conversation id is empty'),
  role: z.enum(['ai', 'agent', 'system']),
  text: z.string(),
});

export const ChatEntry = z.object({
  id: z.string().min(1),
  messageId: z.string().min(1).optional(),
  role: z.enum(['customer', 'ai', 'agent', 'system']),
  text: z.string(),
  at: z.iso.datetime(),
  state: z.enum(['shown', 'refused']),
  refusal: z.string().optional(),
  segments: z.array(z.string()).optional(),
  subject: z.string().optional(),
});

export const ChatConversation = z.object({
  id: z.string().min(1),
  channel: ChatChannel,
  customer: ChatCustomer,
  entries: z.array(ChatEntry),
  lastCustomerMessageAt: z.number().int().nonnegative().optional(),
});

/** `chat.json`: format version, the chat's clock offset (advanceClock) and every conversation. */
export const ChatFile = z.object({
  version: z.literal(1),
  clockOffsetMs: z.number().int().nonnegative(),
  conversations: z.array(ChatConversation),
});
export type ChatFile = z.infer<typeof ChatFile>;

/** Parses `value` or throws INVALID_INPUT naming the call and the field that was wrong. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new FakeChatError('INVALID_INPUT', `${where}: ${describeIssues(parsed.error)}`);
}

/** "customer.name: the customer needs a name; channel: ..." */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
