/**
 * The fake customer chat (issue 5): simulated customers on web widget, email, SMS and WhatsApp.
 * Public face of fake-chat/: other areas import only from here.
 */
export type {
  ChatChannel, ChatRole, ChatCustomer, ChatEntry, ChatConversation, DeliveryResult, ChatEvent, FakeChatOptions, FakeChat,
} from './fake-chat.types';
