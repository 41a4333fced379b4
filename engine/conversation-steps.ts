/**
 * The helpdesk side of a conversation: what happens when it starts, when the customer writes, on
 * a manual handoff and on resolution. Each step is one transaction: its events are applied to the
 * state at once (no await in between, so racing steps see each other's decisions), stored as one
 * record, and only then acknowledged; the AI's reply is delivered after that.
 */
import type { AiTurn, HandoffTurn, SimulatedAi } from './ai';
import type { HandoffPayload, TransientEvent } from './events';
import type { Channel, Clock, Random } from './ports';
import { type ConversationState, type EngineState, nextMessageTime } from './state/reducer';
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

export interface ReceiveResult {
  message: MessageView;
  reply?: MessageView;
  handoff?: HandoffPayload;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createConversationSteps(deps: ConversationStepsDeps) {
  const { state, random, clock, ai } = deps;
  const transcript = (c: ConversationState) => c.messages.map(({ role, text, at }) => ({ role, text, at }));
  const begin = () => createTransaction(state, random, deps.nowIso());

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
  function aiTurn(tx: Transaction, c: ConversationState, turn: AiTurn, manual: boolean): MessageView {
    tx.push({ type: 'ai.replied', at: nextMessageTime(c, clock.now()), conversationId: c.id, messageId: random.uuid(), text: turn.text, answer: turn.kind });
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

  return {
    async startConversation(input: StartConversationInput): Promise<ConversationView> {
      const id = input.id ?? random.uuid();
      const existing = state.conversations.get(id);
      if (existing) return conversationView(existing);
      const tx = begin();
      const { name, email, phone } = input.customer;
      const customer = { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
      tx.push({ type: 'conversation.started', at: tx.at, conversationId: id, channel: input.channel, customer });
      await deps.persist(tx);
      return conversationView(state.conversations.get(id)!);
    },

    async receiveMessage(conversationId: string, text: string): Promise<ReceiveResult> {
      const c = deps.conversationOf(conversationId);
      const tx = begin();
      const messageAt = nextMessageTime(c, clock.now());
      tx.push({ type: 'message.received', at: messageAt, conversationId, messageId: random.uuid(), text });
      const message = messageView(conversationId, c.messages[c.messages.length - 1]!);
      // After a handoff the human agent answers; the AI stays quiet.
      const turn = c.status === 'open' ? respond(c, messageAt) : undefined;
      const reply = turn ? aiTurn(tx, c, turn, false) : undefined;
      if (!turn) planMessages(tx, c, deps.plan());
      await deps.persist(tx);
      if (reply) await deliver(reply);
      return { message, ...(reply ? { reply } : {}), ...(turn?.kind === 'handoff' ? { handoff: turn.payload } : {}) };
    },

    async requestHandoff(conversationId: string, reason?: string): Promise<HandoffPayload> {
      const c = deps.conversationOf(conversationId);
      const turn: HandoffTurn = ai.handoff(transcript(c), nextMessageTime(c, clock.now()), reason);
      const tx = begin();
      const reply = aiTurn(tx, c, turn, true);
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
