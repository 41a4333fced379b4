/**
 * Expectations on the lab's event stream, the engine's outbox and timings between events; and the
 * two operator actions: retrying dead letters and rotating the webhook token.
 */
import type { LabEvent } from '../../lab.types';
import { holds, notYet, withTimeout } from '../wait-for';
import { fieldValue, sameValue } from './odata-values';
import { conversationOf, type StepContext, type StepOptions, type StepRun, StepFailure, timeoutOf, waitUntil } from './step-context';

type Where = NonNullable<StepOptions<'expect-event'>['where']>;

/** `type` exactly, or a prefix ending in `*` (`webhook.*`). */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

/** A `where` key is a path in the event's data (`payload.language`), or the event's own caseId / conversationId / source. */
function whereHolds(event: LabEvent, where: Where): boolean {
  return Object.entries(where).every(([key, want]) => {
    const top = key === 'caseId' || key === 'conversationId' || key === 'source' ? event[key] : undefined;
    const got = top ?? fieldValue(event.data, key.replace(/\./g, '/'));
    return sameValue(got, want);
  });
}

function matching(ctx: StepContext, options: StepOptions<'expect-event'>): LabEvent[] {
  const conversationId = options.customer ? conversationOf(ctx, options.customer) : undefined;
  return ctx.events.filter((e) => typeMatches(options.type, e.type)
    && (conversationId === undefined || e.conversationId === conversationId)
    && (!options.where || whereHolds(e, options.where)));
}

export const expectEvent: StepRun<'expect-event'> = async (ctx, options) => {
  const exact = options.count;
  const atLeast = options.atLeast ?? (exact === undefined ? 1 : undefined);
  const what = `${exact !== undefined ? `exactly ${exact}` : `at least ${atLeast}`} ${options.type} event(s)`
    + `${options.customer ? ` of ${options.customer}'s conversation` : ''}${options.where ? ` where ${JSON.stringify(options.where)}` : ''}`;
  const seen = () => {
    const all = matching(ctx, options).length;
    const sameType = ctx.events.filter((e) => typeMatches(options.type, e.type)).length;
    return `${all} matching (${sameType} ${options.type} in all)`;
  };
  await waitUntil(ctx, {
    timeout: options.timeout, expected: what,
    check: () => {
      const found = matching(ctx, options).length;
      const ok = exact !== undefined ? found === exact : found >= atLeast!;
      return ok ? holds(found) : notYet(seen());
    },
  });
  if (exact === undefined) return;
  // "Exactly" only means something once nothing more is on its way.
  await withTimeout(ctx.lab.whenIdle(), timeoutOf(ctx, options), `the lab to be idle after ${what}`, seen);
  const found = matching(ctx, options).length;
  if (found !== exact) throw new StepFailure(`expected ${what} once the lab was idle; found ${found}`);
};

export const expectOutbox: StepRun<'expect-outbox'> = async (ctx, options) => {
  const wants = [options.pending !== undefined && `${options.pending} pending`, options.deadLetters !== undefined && `${options.deadLetters} dead letter(s)`].filter(Boolean);
  await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `the outbox to have ${wants.join(' and ') || 'anything'}`,
    check: () => {
      const outbox = ctx.lab.engine.outbox();
      const pending = outbox.filter((i) => i.state === 'pending').length;
      const dead = outbox.filter((i) => i.state === 'dead').length;
      const ok = (options.pending === undefined || pending === options.pending) && (options.deadLetters === undefined || dead === options.deadLetters);
      return ok ? holds(true) : notYet(`${pending} pending, ${dead} dead letter(s), ${outbox.length - pending - dead} done`);
    },
  });
};

export const expectTiming: StepRun<'expect-timing'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const pair = await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `a ${options.from} event then a ${options.to} event of ${options.customer}'s conversation`,
    check: () => {
      const own = ctx.events.filter((e) => e.conversationId === conversationId);
      const from = own.find((e) => typeMatches(options.from, e.type));
      if (!from) return notYet(`no ${options.from} event`);
      const to = own.find((e) => e.seq > from.seq && typeMatches(options.to, e.type));
      return to ? holds({ from, to }) : notYet(`${options.from} at #${from.seq}, no ${options.to} after it`);
    },
  });
  const ms = Date.parse(pair.to.at) - Date.parse(pair.from.at);
  if (ms >= options.under) throw new StepFailure(`${options.from} → ${options.to} took ${ms} ms, expected under ${options.under} ms`);
};

export const retryDeadLetters: StepRun<'retry-dead-letters'> = async (ctx) => {
  for (const item of ctx.lab.engine.outbox()) {
    if (item.state === 'dead') await ctx.lab.engine.retryDeadLetter(item.id);
  }
};

export const rotateWebhookToken: StepRun<'rotate-webhook-token'> = async (ctx) => {
  ctx.previousWebhookToken = ctx.lab.settings().webhookToken;
  await ctx.lab.rotateWebhookToken();
};
