/**
 * The lab's conversation steps (the customer's side and the engine together) and `whenIdle`, which
 * waits for the whole loop to settle: the engine's outbox writes to the site, the site's business
 * processes call the webhook, the webhook queues engine work, and so on until nothing moves.
 */
import type { SyncEngine } from '../engine';
import { createFakeChat, type FakeChat } from '../fake-chat';
import type { MockCreatio } from '../mock-creatio';
import { bridgeChat } from './lab-bridges';
import type { Lab, LabEventBus } from './lab.types';

export interface ChatSlot {
  readonly chat: FakeChat;
  open(): Promise<void>;
  /** Flushes and closes the chat (idempotent). */
  close(): Promise<void>;
}

export function createChatSlot(options: { dir: string; fsync: boolean; newId: () => string; bus: LabEventBus }): ChatSlot {
  let current: { chat: FakeChat; unbridge: () => void; closing?: Promise<void> } | undefined;
  return {
    get chat() {
      if (!current) throw new Error('the lab has no chat open');
      return current.chat;
    },
    async open() {
      const chat = await createFakeChat({ dir: options.dir, newId: options.newId, durability: options.fsync ? 'fsync' : 'none' });
      current = { chat, unbridge: bridgeChat(chat, options.bus) };
    },
    close() {
      const slot = current;
      if (!slot) return Promise.resolve();
      slot.closing ??= (async () => {
        slot.unbridge();
        await slot.chat.close();
      })();
      return slot.closing;
    },
  };
}

interface Parts {
  engine: () => SyncEngine;
  chat: () => FakeChat;
  site: MockCreatio;
  bus: LabEventBus;
}

export function createConversationSteps(parts: Parts): Pick<Lab, 'startConversation' | 'say' | 'whenIdle'> {
  let published = 0;
  parts.bus.subscribe(() => void published++);
  return {
    async startConversation(input) {
      const conversation = await parts.engine().startConversation({ customer: input.customer, channel: input.channel });
      await parts.chat().openConversation({ id: conversation.id, channel: input.channel, customer: input.customer });
      return conversation.id;
    },
    async say(conversationId, text) {
      // The chat's entry id is the engine's idempotency key: a resend of this entry is recognised.
      const entry = await parts.chat().customerWrites(conversationId, text);
      await parts.engine().receiveMessage(conversationId, text, { clientMessageId: entry.id });
    },
    async whenIdle() {
      // A pass that saw no event at all found both sides idle at its start: the loop has settled.
      let before: number;
      do {
        before = published;
        await parts.engine().whenIdle();
        await parts.site.processes.engine.idle();
      } while (published !== before);
    },
  };
}
