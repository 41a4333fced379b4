/**
 * Expectations on what the customer sees (the fake chat) and on the helpdesk's conversation: a
 * message, no message, the conversation's status, and what a handoff carried.
 */
import type { ChatEntry } from '../../../fake-chat';
import type { LabEvent } from '../../lab.types';
import { holds, notYet, withTimeout } from '../wait-for';
import { clip, conversationOf, eventsOf, type StepContext, type StepRun, StepFailure, timeoutOf, waitUntil } from './step-context';
import { describeTextMatch, textMatcher } from './text-match';

function entriesOf(ctx: StepContext, conversationId: string): ChatEntry[] {
  return ctx.lab.chat.get(conversationId)?.entries ?? [];
}

function describeEntries(entries: ChatEntry[], role: string): string {
  const ofRole = entries.filter((e) => e.role === role);
  if (ofRole.length === 0) {
    const roles = entries.map((e) => e.role);
    return `no ${role} message (the chat shows ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${roles.length ? `: ${roles.join(', ')}` : ''})`;
  }
  return ofRole.slice(-3).map((e) => `${role} "${clip(e.text, 60)}" (${e.state}${e.segments ? `, ${e.segments.length} segment(s)` : ''})`).join('; ');
}

export const expectMessage: StepRun<'expect-message'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const matches = textMatcher(options);
  const wanted = (e: ChatEntry) => e.role === options.role && matches(e.text)
    && (options.state === undefined || e.state === options.state)
    && (options.segments === undefined || (e.segments?.length ?? 1) === options.segments);
  const count = options.count;
  await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `${options.customer} to see ${count === undefined ? 'a' : `exactly ${count}`} ${options.role} message(s)${describeTextMatch(options)}`
      + `${options.state ? ` ${options.state}` : ''}${options.segments ? ` in ${options.segments} segment(s)` : ''}`,
    check: () => {
      const entries = entriesOf(ctx, conversationId);
      const found = entries.filter(wanted).length;
      const ok = count === undefined ? found >= 1 : found === count;
      return ok ? holds(found) : notYet(`${found} matching; ${describeEntries(entries, options.role)}`);
    },
  });
};

export const expectNoMessage: StepRun<'expect-no-message'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const matches = textMatcher(options);
  const limit = options.count ?? 0;
  // "Nothing arrived" only means something once everything in flight has landed.
  await withTimeout(ctx.lab.whenIdle(), timeoutOf(ctx, options), 'the lab to be idle before checking that no message arrived', () => 'still busy');
  const found = entriesOf(ctx, conversationId).filter((e) => e.role === options.role && matches(e.text));
  if (found.length > limit) {
    throw new StepFailure(`expected at most ${limit} ${options.role} message(s)${describeTextMatch(options)} for ${options.customer}, found ${found.length}: `
      + found.map((e) => `"${clip(e.text, 60)}"`).join(', '));
  }
};

export const expectConversation: StepRun<'expect-conversation'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const wants = [options.status && `status ${options.status}`, options.hasCase !== undefined && (options.hasCase ? 'a case in Creatio' : 'no case')].filter(Boolean);
  await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `${options.customer}'s conversation to have ${wants.join(' and ') || 'started'}`,
    check: () => {
      const view = ctx.lab.engine.getConversation(conversationId);
      if (!view) return notYet('the engine does not know the conversation');
      const statusOk = options.status === undefined || view.status === options.status;
      const caseOk = options.hasCase === undefined || (options.hasCase ? view.caseCreated : view.caseId === undefined);
      const caseSeen = view.caseCreated ? 'a case in Creatio' : view.caseId ? 'a case on its way to Creatio' : 'no case';
      return statusOk && caseOk ? holds(view) : notYet(`status ${view.status}, ${caseSeen}`);
    },
  });
};

interface HandoffSeen {
  trigger: string;
  manual: boolean;
  reason: string;
  summary: string;
  language: string;
  sentiment: string;
}

/** A handoff event's fields, whether the lab put the engine's payload under `data.payload` or flat in `data`. */
function handoffOf(event: LabEvent): HandoffSeen {
  const data = event.data;
  const payload = (typeof data.payload === 'object' && data.payload !== null ? data.payload : data) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    trigger: text(data.trigger), manual: data.manual === true, reason: text(payload.reason), summary: text(payload.summary),
    language: text(payload.language), sentiment: text(payload.sentiment),
  };
}

export const expectHandoff: StepRun<'expect-handoff'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const wanted = (h: HandoffSeen) =>
    (options.trigger === undefined || h.trigger === options.trigger)
    && (options.manual === undefined || h.manual === options.manual)
    && (options.reasonContains === undefined || h.reason.includes(options.reasonContains))
    && (options.summaryContains === undefined || h.summary.includes(options.summaryContains))
    && (options.language === undefined || h.language === options.language)
    && (options.sentiment === undefined || h.sentiment === options.sentiment);
  const wants = Object.entries({ trigger: options.trigger, manual: options.manual, reason: options.reasonContains, summary: options.summaryContains, language: options.language, sentiment: options.sentiment })
    .filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `a handoff of ${options.customer}'s conversation${wants.length ? ` with ${wants.join(', ')}` : ''}`,
    check: () => {
      const handoffs = eventsOf(ctx, 'handoff.triggered', conversationId).map(handoffOf);
      if (handoffs.some(wanted)) return holds(true);
      if (handoffs.length === 0) return notYet('no handoff');
      return notYet(handoffs.map((h) => `trigger ${h.trigger}, language ${h.language}, sentiment ${h.sentiment}, reason "${h.reason}", summary "${clip(h.summary, 80)}"`).join('; '));
    },
  });
};
