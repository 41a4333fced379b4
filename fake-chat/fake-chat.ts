/**
 * The fake customer chat: conversations of simulated customers, shown as their channel would show
 * them (channel-rules.ts, sms-segments.ts), kept in `<dir>/chat.json` (chat-file.ts).
 *
 * Every call that changes the state resolves only once the change is on disk, and only then emits
 * its event: what a listener sees survives a crash. Deduplication is decided synchronously, before
 * any await, so two concurrent deliveries of one message id cannot both add an entry.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChatConversation, ChatEntry, ChatEvent, DeliveryResult, FakeChat, FakeChatOptions,
} from './fake-chat.types';
import { FakeChatError } from './chat-error';
import { OpenConversationInput, OutboundMessageInput, parseInput } from './chat-schema';
import { chatFileText, createCoalescingSaver, readChatFile, writeChatFile } from './chat-file';
import { channelView, whatsappRefusal } from './channel-rules';

type OutboundMessage = Parameters<FakeChat['deliver']>[0];

/** Opens (or creates) the chat kept in `options.dir`; a corrupt `chat.json` fails with CORRUPT_CHAT_FILE. */
export async function createFakeChat(options: FakeChatOptions): Promise<FakeChat> {
  const clock = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const durability = options.durability ?? 'fsync';
  const stored = await readChatFile(options.dir);
  const conversations = new Map<string, ChatConversation>((stored?.conversations ?? []).map((c) => [c.id, c]));
  let clockOffsetMs = stored?.clockOffsetMs ?? 0;
  const listeners = new Set<(event: ChatEvent) => void>();
  let closing: Promise<void> | undefined;

  // The text is built synchronously when the save starts, so it holds every change made before.
  const saver = createCoalescingSaver(() => writeChatFile(options.dir, chatFileText({
    version: 1, clockOffsetMs, conversations: [...conversations.values()],
  }), durability));

  const nowMs = (): number => clock() + clockOffsetMs;
  const nowIso = (): string => new Date(nowMs()).toISOString();

  function emit(event: ChatEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own: delivery and the other listeners go on.
      }
    }
  }

  function assertOpen(): void {
    if (closing) throw new FakeChatError('CHAT_CLOSED', 'the fake chat is closed');
  }

  function conversationOf(id: string): ChatConversation {
    const conversation = conversations.get(id);
    if (!conversation) throw new FakeChatError('UNKNOWN_CONVERSATION', `no conversation "${id}" in the fake chat`);
    return conversation;
  }

  async function deliver(input: OutboundMessage): Promise<DeliveryResult> {
    assertOpen();
    const message = parseInput(OutboundMessageInput, input, 'deliver');
    const conversation = conversations.get(message.conversationId);
    if (!conversation) {
      return { delivered: false, reason: `no conversation "${message.conversationId}" in the fake chat` };
    }
    const at = nowIso();
    const sameId = conversation.entries.filter((e) => e.messageId === message.id);
    if (sameId.some((e) => e.state === 'shown')) {
      await saver.save();
      emit({ type: 'chat.duplicate-ignored', conversationId: conversation.id, messageId: message.id, at });
      return { delivered: true };
    }
    const refusal = conversation.channel === 'whatsapp' ? whatsappRefusal(conversation, nowMs()) : undefined;
    if (refusal !== undefined && sameId.length > 0) {
      // A retry that is still refused: the refused entry is already visible; do not repeat it.
      await saver.save();
      return { delivered: false, reason: refusal };
    }
    const entry: ChatEntry = refusal === undefined
      ? { id: newId(), messageId: message.id, role: message.role, text: message.text, at, state: 'shown', ...channelView(conversation, message.role, message.text) }
      : { id: newId(), messageId: message.id, role: message.role, text: message.text, at, state: 'refused', refusal };
    conversation.entries.push(entry);
    await saver.save();
    if (refusal !== undefined) {
      emit({ type: 'chat.message-refused', conversationId: conversation.id, entry: structuredClone(entry), reason: refusal, at });
      return { delivered: false, reason: refusal };
    }
    emit({ type: 'chat.message-shown', conversationId: conversation.id, entry: structuredClone(entry), at });
    return { delivered: true };
  }

  return {
    async openConversation(input) {
      assertOpen();
      const { id, channel, customer } = parseInput(OpenConversationInput, input, 'openConversation');
      const existing = conversations.get(id);
      if (existing) return structuredClone(existing);
      const conversation: ChatConversation = { id, channel, customer, entries: [] };
      conversations.set(id, conversation);
      await saver.save();
      emit({ type: 'chat.conversation-opened', conversationId: id, channel, customer: structuredClone(conversation.customer), at: nowIso() });
      return structuredClone(conversation);
    },

    async customerWrites(conversationId, text) {
      assertOpen();
      if (typeof text !== 'string' || text.trim() === '') {
        throw new FakeChatError('INVALID_INPUT', `customerWrites: the text for conversation "${conversationId}" is empty`);
      }
      const conversation = conversationOf(conversationId);
      const at = nowIso();
      const entry: ChatEntry = { id: newId(), role: 'customer', text, at, state: 'shown', ...channelView(conversation, 'customer', text) };
      conversation.entries.push(entry);
      conversation.lastCustomerMessageAt = nowMs();
      await saver.save();
      emit({ type: 'chat.customer-wrote', conversationId, entry: structuredClone(entry), at });
      return structuredClone(entry);
    },

    deliver,

    get: (conversationId) => {
      const conversation = conversations.get(conversationId);
      return conversation ? structuredClone(conversation) : undefined;
    },

    list: () => [...conversations.values()].map((c) => structuredClone(c)),

    advanceClock(ms) {
      assertOpen();
      if (!Number.isFinite(ms) || ms < 0) {
        throw new FakeChatError('INVALID_INPUT', `advanceClock: expected a number of milliseconds >= 0, got ${String(ms)}`);
      }
      clockOffsetMs += Math.round(ms);
      // The offset is saved with the next change; close() flushes it, and reports a failing disk.
      saver.save().catch(() => undefined);
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },

    async reset() {
      assertOpen();
      conversations.clear();
      clockOffsetMs = 0;
      await saver.save();
    },

    close() {
      closing ??= saver.save();
      return closing;
    },
  };
}
