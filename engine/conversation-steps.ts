/**
 * The helpdesk side of a conversation: what happens when it starts, when the customer writes, on
 * a manual handoff and on resolution. Each step is one transaction: its events are applied to the
 * state at once (no await in between, so racing steps see each other's decisions), stored as one
 * record, and only then acknowledged; the AI's reply is delivered after that.
 */
import type { AiTurn, HandoffTurn, SimulatedAi, TranscriptEntry } from './ai';
import type { HandoffPayload, TransientEvent } from './events';
import type { Channel, Clock, Random } from './ports';
import { type ConversationState, type EngineState, type MessageState, nextMessageTime } from './state/reducer';
import { createTransaction, type Transaction } from './state/transaction';
import { type PlanContext, planHandoff, planMessages, planResolve } from './sync/case-plan';
import { type ConversationView, conversationView, type MessageView, messageView } from './views';

export interface ConversationStepsDeps {
  state: EngineState;
  random: Random;
  clock: Clock;
  ai: SimulatedAi;
  channel: Channel;
  plan: () => PlanContext;
  emit: (event: TransientEvent) => void;
  /** Stores the transaction's events and hands its outbox items to the runner. */
  persist: (tx: Transaction) => Promise<void>;
  /** Undefined, or a promise to wait on, before a new customer message is stored (back-pressure, outbox/intake-gate.ts). */
  admit?: () => Promise<void> | undefined;
  /** The running engine's conversation, or a thrown EngineError. */
  conversationOf: (id: string) => ConversationState;
  nowIso: () => string;
}

export interface StartConversationInput {
  customer: { name: string; email?: string; phone?: string };
  channel: 'web' | 'email' | 'sms' | 'whatsapp';
  /** The helpdesk's session id; chosen by the engine when absent. Starting an existing id returns it. */
  id?: string;
}

export interface ReceiveOptions {
  /**
   * The sender's own id for this message. A customer whose message was not acknowledged (the engine
   * died after storing it) sends it again with the same id: the engine then answers with the message
   * it already has, and its AI reply, and stores nothing new (an idempotency key).
   */
  clientMessageId?: string;
}

export interface ReceiveResult {
  message: MessageView;
  reply?: MessageView;
  handoff?: HandoffPayload;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createConversationSteps(deps: ConversationStepsDeps) {
  const { state, random, clock, ai } = deps;
  // The messages themselves are the transcript (each has role, text and at): the AI is synchronous
  // and reads them without keeping them, so no copy per turn (a copy made a long chat's turn O(n)).
  const transcript = (c: ConversationState): readonly TranscriptEntry[] => c.messages;
  const begin = () => createTransaction(state, random, deps.nowIso());
  // Steps still being stored, by key: a repeat that arrives meanwhile waits for the same answer, so
  // nothing is acknowledged before it is durable (the state already holds it, the Store not yet).
  const starting = new Map<string, Promise<ConversationView>>();
  const receiving = new Map<string, Promise<ReceiveResult>>();

  /** Runs `step`, keeping its promise under `key` until it settles (repeats meanwhile share it). */
  async function once<T>(inFlight: Map<string, Promise<T>>, key: string, step: () => Promise<T>): Promise<T> {
    const promise = step();
    inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      inFlight.delete(key);
    }
  }

  /** What a repeated message gets: the stored message and the reply that answered it. */
  function repeated(c: ConversationState, message: MessageState): ReceiveResult {
    const reply = c.messages.find((m) => m.replyTo === message.id);
    return { message: messageView(c.id, message), ...(reply ? { reply: messageView(c.id, reply) } : {}) };
  }

  /** Delivery problems are events on the timeline, never errors for the caller. */
  async function deliver(message: MessageView): Promise<void> {
    const base = { at: deps.nowIso(), conversationId: message.conversationId, messageId: message.id };
    try {
      const result = await deps.channel.deliver({ id: message.id, conversationId: message.conversationId, role: 'ai', text: message.text });
      deps.emit(result.delivered ? { type: 'message.delivered', ...base } : { type: 'message.delivery-failed', ...base, reason: result.reason });
    } catch (error) {
      deps.emit({ type: 'message.delivery-failed', ...base, reason: reasonOf(error) });
    }
  }

  /** The AI's turn; an AI that throws must not lose the customer's message (already in the state). */
  function respond(c: ConversationState, at: string): AiTurn | undefined {
    try {
      return ai.respond(transcript(c), at);
    } catch (error) {
      deps.emit({ type: 'ai.failed', at, conversationId: c.id, message: reasonOf(error) });
      return undefined;
    }
  }

  /** Pushes the AI's message and, for a handoff turn, the handoff and its sync plan. */
  function aiTurn(tx: Transaction, c: ConversationState, turn: AiTurn, options: { manual: boolean; replyTo?: string }): MessageView {
    const { manual, replyTo } = options;
    tx.push({
      type: 'ai.replied', at: nextMessageTime(c, clock.now()), conversationId: c.id, messageId: random.uuid(), text: turn.text, answer: turn.kind,
      ...(replyTo ? { replyTo } : {}),
    });
    const reply = messageView(c.id, c.messages[c.messages.length - 1]!);
    if (turn.kind === 'handoff') {
      const at = nextMessageTime(c, clock.now());
      tx.push({ type: 'handoff.triggered', at, conversationId: c.id, trigger: turn.trigger, manual, payload: turn.payload });
      planHandoff(tx, c, deps.plan(), { payload: turn.payload, at });
    } else {
      planMessages(tx, c, deps.plan());
    }
    return reply;
  }

  /** Stores a new conversation (one record). */
  async function storeConversation(id: string, input: StartConversationInput): Promise<ConversationView> {
    const tx = begin();
    const { name, email, phone } = input.customer;
    const customer = { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    tx.push({ type: 'conversation.started', at: tx.at, conversationId: id, channel: input.channel, customer });
    await deps.persist(tx);
    return conversationView(state.conversations.get(id)!);
  }

  /** Stores a customer message and the AI's turn (one record), then delivers the reply. */
  async function storeMessage(c: ConversationState, text: string, clientMessageId?: string): Promise<ReceiveResult> {
    const wait = deps.admit?.();
    if (wait) await wait;
    const conversationId = c.id;
    const tx = begin();
    const messageAt = nextMessageTime(c, clock.now());
    tx.push({ type: 'message.received', at: messageAt, conversationId, messageId: random.uuid(), text, ...(clientMessageId ? { clientMessageId } : {}) });
    const stored = c.messages[c.messages.length - 1]!;
    const message = messageView(conversationId, stored);
    // After a handoff the human agent answers; the AI stays quiet.
    const turn = c.status === 'open' ? respond(c, messageAt) : undefined;
    const reply = turn ? aiTurn(tx, c, turn, { manual: false, replyTo: stored.id }) : undefined;
    if (!turn) planMessages(tx, c, deps.plan());
    await deps.persist(tx);
    if (reply) await deliver(reply);
    return { message, ...(reply ? { reply } : {}), ...(turn?.kind === 'handoff' ? { handoff: turn.payload } : {}) };
  }

  return {
    async startConversation(input: StartConversationInput): Promise<ConversationView> {
      const id = input.id ?? random.uuid();
      if (starting.has(id)) return starting.get(id)!;
      const existing = state.conversations.get(id);
      if (existing) return conversationView(existing);
      return once(starting, id, () => storeConversation(id, input));
    },

    async receiveMessage(conversationId: string, text: string, options: ReceiveOptions = {}): Promise<ReceiveResult> {
      const c = deps.conversationOf(conversationId);
      const { clientMessageId } = options;
      if (clientMessageId === undefined) return storeMessage(c, text);
      const key = `${conversationId}\n${clientMessageId}`;
      if (receiving.has(key)) return receiving.get(key)!;
      const stored = c.messages.find((m) => m.role === 'customer' && m.clientMessageId === clientMessageId);
      if (stored) return repeated(c, stored);
      return once(receiving, key, () => storeMessage(c, text, clientMessageId));
    },

    async requestHandoff(conversationId: string, reason?: string): Promise<HandoffPayload> {
      const c = deps.conversationOf(conversationId);
      const turn: HandoffTurn = ai.handoff(transcript(c), nextMessageTime(c, clock.now()), reason);
      const tx = begin();
      const reply = aiTurn(tx, c, turn, { manual: true });
      await deps.persist(tx);
      await deliver(reply);
      return turn.payload;
    },

    /** Helpdesk-side resolution; resolving twice is harmless. */
    async resolveConversation(conversationId: string): Promise<void> {
      const c = deps.conversationOf(conversationId);
      if (c.status === 'resolved') return;
      const tx = begin();
      tx.push({ type: 'conversation.resolved', at: tx.at, conversationId });
      planResolve(tx, c, deps.plan());
      await deps.persist(tx);
    },
  };
}
