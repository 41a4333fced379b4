/**
 * The fake customer chat (issue 5): simulated customers on web widget, email, SMS and WhatsApp.
 * Public face of fake-chat/: other areas import only from here.
 */
export type {
  ChatChannel, ChatRole, ChatCustomer, ChatEntry, ChatConversation, DeliveryResult, ChatEvent, FakeChatOptions, FakeChat,
} from './fake-chat.types';
/** Opens (or creates) the fake chat kept in `<dir>/chat.json`. */
export { createFakeChat } from './fake-chat';
/** The one error the fake chat throws, with a code (CORRUPT_CHAT_FILE, UNKNOWN_CONVERSATION, INVALID_INPUT, CHAT_CLOSED). */
export { FakeChatError, type FakeChatErrorCode } from './chat-error';
/** How an SMS carries a text: its encoding, length in septets / code units, and segments (3GPP TS 23.038). */
export { smsEncoding, smsLength, smsSegments, SMS_LIMITS, type SmsEncoding } from './sms-segments';
/** WhatsApp's 24-hour customer service window in milliseconds. */
export { WHATSAPP_WINDOW_MS } from './channel-rules';
