/**
 * Conversation steps: what the customer and the helpdesk do (start, say, a manual handoff, the
 * helpdesk's resolve), waiting for the lab to be idle, and the chat's clock (WhatsApp 24-hour window).
 */
import { withTimeout } from '../wait-for';
import { conversationOf, type StepRun, StepFailure, timeoutOf } from './step-context';

export const start: StepRun<'start'> = async (ctx, options) => {
  if (ctx.conversations.has(options.customer)) throw new StepFailure(`customer "${options.customer}" already started a conversation`);
  const customer = {
    name: options.name,
    ...(options.email !== undefined ? { email: options.email } : {}),
    ...(options.phone !== undefined ? { phone: options.phone } : {}),
  };
  const id = await ctx.lab.startConversation({ customer, channel: options.channel });
  ctx.conversations.set(options.customer, id);
};

export const say: StepRun<'say'> = async (ctx, options) => {
  await ctx.lab.say(conversationOf(ctx, options.customer), options.text);
};

export const handoff: StepRun<'handoff'> = async (ctx, options) => {
  await ctx.lab.engine.requestHandoff(conversationOf(ctx, options.customer), options.reason);
};

export const resolve: StepRun<'resolve'> = async (ctx, options) => {
  await ctx.lab.engine.resolveConversation(conversationOf(ctx, options.customer));
};

export const waitIdle: StepRun<'wait-idle'> = async (ctx, options) => {
  await withTimeout(ctx.lab.whenIdle(), timeoutOf(ctx, options), 'the lab to be idle (outbox drained, processes and webhooks done)', () => {
    const outbox = ctx.lab.engine.outbox();
    const pending = outbox.filter((item) => item.state === 'pending').length;
    const dead = outbox.filter((item) => item.state === 'dead').length;
    return `${pending} outbox item(s) pending, ${dead} dead letter(s)`;
  });
};

export const advanceChatClock: StepRun<'advance-chat-clock'> = async (ctx, options) => {
  ctx.lab.chat.advanceClock(options.by);
};
