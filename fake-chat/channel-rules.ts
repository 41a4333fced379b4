/**
 * How each channel shows a message to the customer, and the channel rules that decide whether a
 * business message (ai, agent or system) may be sent at all. Pure functions of the conversation,
 * the text and the time: the chat applies them and keeps the result.
 */
import type { ChatConversation, ChatEntry, ChatRole } from './fake-chat.types';
import { smsSegments } from './sms-segments';

/** WhatsApp's customer service window: 24 hours from the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Longest thread subject taken from the customer's first message before it is cut. */
export const SUBJECT_MAX_CHARS = 60;

/** Subject of an email thread the helpdesk starts before the customer has written. */
export const DEFAULT_SUBJECT = 'Your conversation with us';

/**
 * Refusal reason for a business message on WhatsApp, or undefined when it may be sent. Outside the
 * window WhatsApp accepts only pre-approved template messages, which a helpdesk reply or notice is
 * not, so every business role (ai, agent and system notices alike) follows the same rule. The
 * window is open up to and including exactly 24 h after the customer's last message.
 */
export function whatsappRefusal(conversation: ChatConversation, nowMs: number): string | undefined {
  const last = conversation.lastCustomerMessageAt;
  if (last === undefined) {
    return 'WhatsApp: outside the 24-hour customer service window (the customer has not written yet)';
  }
  if (nowMs - last <= WHATSAPP_WINDOW_MS) return undefined;
  const hours = ((nowMs - last) / 3_600_000).toFixed(1);
  return `WhatsApp: outside the 24-hour customer service window (last customer message at ${new Date(last).toISOString()}, ${hours} h ago)`;
}

/**
 * A subject taken from a customer's message, as an email client shows it: its first non-empty line,
 * cut at a word boundary near SUBJECT_MAX_CHARS with "…".
 */
export function subjectFromText(text: string): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim().replace(/\s+/g, ' ');
  if (line === '') return DEFAULT_SUBJECT;
  if (line.length <= SUBJECT_MAX_CHARS) return line;
  const cut = line.slice(0, SUBJECT_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUBJECT_MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The subject line of a new email in the thread. The first email opens the thread: the customer's
 * first message gives it its subject (cut), a helpdesk message sent first gives DEFAULT_SUBJECT.
 * Every later email, either way, is "Re: <the thread's subject>".
 */
export function emailSubject(conversation: ChatConversation, role: ChatRole, text: string): string {
  const opener = conversation.entries.find((e) => e.state === 'shown' && e.subject !== undefined);
  if (opener?.subject !== undefined) return `Re: ${opener.subject}`;
  return role === 'customer' ? subjectFromText(text) : DEFAULT_SUBJECT;
}

/** The channel-specific fields of a new shown entry: the subject (email) or the segments (SMS). */
export function channelView(conversation: ChatConversation, role: ChatRole, text: string): Pick<ChatEntry, 'subject' | 'segments'> {
  switch (conversation.channel) {
    case 'email':
      return { subject: emailSubject(conversation, role, text) };
    case 'sms':
      return { segments: smsSegments(text) };
    default:
      return {};
  }
}
