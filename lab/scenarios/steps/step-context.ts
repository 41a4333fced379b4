/**
 * What every step sees while a scenario runs: the lab, the scenario, the customers' conversations by
 * alias, the values `odata` steps saved, the events recorded so far, and the agents' OData sessions.
 */
import { createHash } from 'node:crypto';
import type { Lab, LabEvent } from '../../lab.types';
import type { Scenario, Step } from '../scenario.schema';
import { type Check, waitFor } from '../wait-for';
import type { AgentDirectory } from './creatio-agent';

export interface StepContext {
  readonly lab: Lab;
  readonly scenario: Scenario;
  /** Index of the running step (0-based). */
  index: number;
  /** Customer alias → the conversation's id. */
  readonly conversations: Map<string, string>;
  /** Values kept by `odata` steps' `save`. */
  readonly saved: Map<string, string>;
  /** Every lab event since the lab started, in order (recorded before the first step). */
  readonly events: LabEvent[];
  readonly agents: AgentDirectory;
  /** The webhook token before the last `rotate-webhook-token` (a `webhook` step's `token: previous`). */
  previousWebhookToken?: string;
}

/** A step that could not do or check what it says: the message is the step's error in the report. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** The conversation of a customer alias, or a clear failure naming the aliases that exist. */
export function conversationOf(ctx: StepContext, alias: string): string {
  const id = ctx.conversations.get(alias);
  if (id) return id;
  const known = [...ctx.conversations.keys()];
  throw new StepFailure(`no customer "${alias}": start one first with a \`start\` step${known.length ? ` (started: ${known.join(', ')})` : ''}`);
}

/** The step's own timeout, else the scenario's default. */
export function timeoutOf(ctx: StepContext, options: { timeout?: number }): number {
  return options.timeout ?? ctx.scenario.timeout;
}

/** Waits for `check` on every lab event (or those `recheckOn` accepts), up to the step's timeout. */
export function waitUntil<T>(ctx: StepContext, options: {
  timeout?: number; expected: string; check: () => Check<T> | Promise<Check<T>>; recheckOn?: (event: LabEvent) => boolean;
}): Promise<T> {
  return waitFor({
    subscribe: (listener) => ctx.lab.events.subscribe(listener),
    check: options.check,
    timeoutMs: timeoutOf(ctx, options),
    expected: options.expected,
    ...(options.recheckOn ? { recheckOn: options.recheckOn } : {}),
  });
}

/**
 * A GUID that depends only on the scenario's seed and `label` (e.g. the step index), so the records a
 * scenario writes carry the same ids on every run (issue 5 "Determinism").
 */
export function seededGuid(seed: number, label: string): string {
  const hex = createHash('sha256').update(`case-sync-lab:${seed}:${label}`).digest('hex');
  // Shaped as a version-4 GUID (version nibble 4, variant 8..b) so Creatio-style validators accept it.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The events of one conversation (by id) of a type, from the recording. */
export function eventsOf(ctx: StepContext, type: string, conversationId?: string): LabEvent[] {
  return ctx.events.filter((e) => e.type === type && (conversationId === undefined || e.conversationId === conversationId || e.data.conversationId === conversationId));
}

/** Shortens text for a title or a "last seen" line. */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The options of one action, as the schema parsed them. */
export type StepOptions<A extends Step['action']> = Extract<Step, { action: A }>['options'];

/** Carries out one action (or checks one expectation); throws StepFailure/WaitTimeoutError when it fails. */
export type StepRun<A extends Step['action']> = (ctx: StepContext, options: StepOptions<A>) => Promise<void>;
