/**
 * One line per step for reports and the live display: `ann says "Where is my order?"`. Built from the
 * step as written (references unresolved), so a title is the same on every run and holds no secret.
 */
import type { Step } from '../scenario.schema';
import { clip } from './step-context';
import { describeTextMatch } from './text-match';

/** 1500 → "1.5s", 90000000 → "25h". */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

const quote = (text: string, max = 60) => `"${clip(text, max)}"`;
const keys = (record: Record<string, unknown> | undefined) => Object.keys(record ?? {}).join(', ');
const as = (user: string | undefined) => user ?? 'Supervisor';

export function stepTitle(step: Step): string {
  switch (step.action) {
    case 'start': {
      const o = step.options;
      return `${o.customer} (${[o.name, o.email, o.phone].filter(Boolean).join(', ')}) starts a ${o.channel} conversation`;
    }
    case 'say': return `${step.options.customer} says ${quote(step.options.text)}`;
    case 'handoff': return `the helpdesk hands ${step.options.customer}'s conversation to a human${step.options.reason ? ` (${quote(step.options.reason, 40)})` : ''}`;
    case 'resolve': return `the helpdesk resolves ${step.options.customer}'s conversation`;
    case 'wait-idle': return 'wait until the lab is idle';
    case 'advance-chat-clock': return `the chat's clock moves ${formatDuration(step.options.by)} forward`;
    case 'expect-message': {
      const o = step.options;
      const how = `${o.count === undefined ? '' : ` ×${o.count}`}${o.state === 'refused' ? ' (refused)' : ''}${o.segments ? ` in ${o.segments} segments` : ''}`;
      return `${o.customer} sees a${o.role === 'ai' || o.role === 'agent' ? 'n' : ''} ${o.role} message${describeTextMatch(o)}${how}`;
    }
    case 'expect-no-message': return `${step.options.customer} gets no ${step.options.role} message${describeTextMatch(step.options)}${step.options.count ? ` beyond ${step.options.count}` : ''}`;
    case 'expect-handoff': {
      const o = step.options;
      const parts = [o.trigger && `trigger ${o.trigger}`, o.manual !== undefined && (o.manual ? 'manual' : 'by the AI'), o.language && `language ${o.language}`, o.sentiment && `sentiment ${o.sentiment}`,
        o.summaryContains && `summary ${quote(o.summaryContains, 30)}`, o.reasonContains && `reason ${quote(o.reasonContains, 30)}`].filter(Boolean);
      return `${o.customer}'s conversation is handed off${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'expect-conversation': {
      const o = step.options;
      const parts = [o.status, o.hasCase !== undefined && (o.hasCase ? 'with a case' : 'without a case')].filter(Boolean);
      return `${o.customer}'s conversation is ${parts.join(', ') || 'there'}`;
    }
    case 'expect-case': {
      const o = step.options;
      const parts = [keys({ ...o.fields, ...o.contains }), o.cases !== undefined && `${o.cases} case(s)`,
        o.activities && `activities${o.activities.count !== undefined ? ` ×${o.activities.count}` : o.activities.atLeast !== undefined ? ` ≥${o.activities.atLeast}` : ''}`].filter(Boolean);
      return `${o.customer}'s case in Creatio${parts.length ? `: ${parts.join('; ')}` : ''}`;
    }
    case 'odata': return `${step.options.method} ${clip(step.options.path, 70)} as ${as(step.options.user)}${step.options.expect?.status ? ` → ${step.options.expect.status}` : ''}`;
    case 'agent-reply': return `${as(step.options.user)} replies to ${step.options.customer} by ${step.options.via}: ${quote(step.options.text)}`;
    case 'agent-status': return `${as(step.options.user)} sets ${step.options.customer}'s case to ${step.options.status}`;
    case 'agent-edit': return `${as(step.options.user)} edits ${step.options.customer}'s case: ${keys(step.options.fields)}`;
    case 'webhook': {
      const o = step.options;
      const token = o.token === 'valid' || o.token === 'wrong' || o.token === 'previous' ? o.token : 'literal';
      const eventType = typeof o.body === 'object' && typeof o.body.event_type === 'string' ? ` ${o.body.event_type}` : '';
      return `webhook${eventType} (${token} token, ${o.contentType}${o.bodySize ? `, ${o.bodySize} bytes` : ''}) → ${o.expect.status}${o.expect.errorCode ? ` ${o.expect.errorCode}` : ''}`;
    }
    case 'fault': return `fault: ${faultWords(step.options)}`;
    case 'clear-faults': return 'clear every fault';
    case 'expect-event': {
      const o = step.options;
      const how = o.count !== undefined ? `exactly ${o.count}` : `at least ${o.atLeast ?? 1}`;
      return `${how} ${o.type} event(s)${o.customer ? ` of ${o.customer}` : ''}${o.where ? ` where ${keys(o.where)}` : ''}`;
    }
    case 'expect-outbox': return `the outbox has ${[step.options.pending !== undefined && `${step.options.pending} pending`, step.options.deadLetters !== undefined && `${step.options.deadLetters} dead letter(s)`].filter(Boolean).join(', ')}`;
    case 'expect-timing': return `${step.options.customer}: ${step.options.from} → ${step.options.to} under ${formatDuration(step.options.under)}`;
    case 'retry-dead-letters': return 'retry every dead letter';
    case 'rotate-webhook-token': return 'rotate the webhook token';
  }
}

function faultWords(o: Extract<Step, { action: 'fault' }>['options']): string {
  return [
    o.down !== undefined && `site down ${formatDuration(o.down)}${o.downMode === '503' ? ' (503)' : ''}`,
    o.errorRate !== undefined && `${Math.round(o.errorRate * 100)}% errors${o.errorStatus ? ` ${o.errorStatus}` : ''}`,
    o.cutOffRate !== undefined && `${Math.round(o.cutOffRate * 100)}% replies cut off`,
    o.latency !== undefined && `latency ${formatDuration(o.latency)}`,
    o.expireSessions && 'sessions expired',
    o.revokeTokens && 'tokens revoked',
  ].filter(Boolean).join(', ');
}
