/**
 * The scenario file (issue 5, "Scenarios"): YAML validated with this schema; `npm run lab --
 * scenario-schema` writes the JSON Schema generated from it, so editors autocomplete. A step is an
 * object with exactly one key, the action (`say:`, `expect-case:`...). Strings in steps may use
 * `${...}` references, resolved when the step runs: `${case.ann}` (the case Id of customer alias
 * `ann`'s conversation), `${conversation.ann}`, `${contact.ann}`, `${saved.name}` (a value an
 * `odata` step saved) and `${webhookToken}`.
 */
import { z } from 'zod';

/** A duration: milliseconds as a number, or "250ms", "2s", "5m", "25h". */
export const Duration = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'must be a duration like 500ms, 2s, 5m or 25h')])
  .transform((value) => (typeof value === 'number' ? value : parseDuration(value)));

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * unit);
}

const Alias = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a customer alias like ann or customer-2');
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Role = z.enum(['customer', 'ai', 'agent', 'system']);
const Channel = z.enum(['web', 'email', 'sms', 'whatsapp']);
const Timeout = { timeout: Duration.optional() };
const OfCustomer = { customer: Alias };
/** The Creatio user an agent step signs in as (forms login; default Supervisor): Alice, Bruno, Chen... */
const AsUser = { user: z.string().min(1).optional() };

/** Text matchers: at least one of them. */
const TextMatch = {
  text: z.string().optional(),
  contains: z.string().optional(),
  matches: z.string().optional(),
};

export const STEP_SCHEMAS = {
  /** A customer opens a conversation on a channel. */
  start: z.strictObject({ ...OfCustomer, name: z.string().min(1), email: z.string().optional(), phone: z.string().optional(), channel: Channel.default('web') }),
  /** The customer writes. */
  say: z.strictObject({ ...OfCustomer, text: z.string().min(1) }),
  /** A manual handoff requested on the helpdesk side (the "request a human" button). */
  handoff: z.strictObject({ ...OfCustomer, reason: z.string().optional() }),
  /** The helpdesk resolves the conversation (the case moves to the Resolved Status ID). */
  resolve: z.strictObject({ ...OfCustomer }),
  /** Waits until the engine's outbox is drained and queued processes and webhooks are done. */
  'wait-idle': z.strictObject({ ...Timeout }),
  /** Moves the fake chat's clock forward (the WhatsApp 24-hour window). */
  'advance-chat-clock': z.strictObject({ by: Duration }),

  /** What the customer sees on their channel: a message of `role` matching the text matchers. */
  'expect-message': z.strictObject({
    ...OfCustomer, role: Role, ...TextMatch, count: z.number().int().nonnegative().optional(),
    state: z.enum(['shown', 'refused']).optional(), segments: z.number().int().positive().optional(), ...Timeout,
  }),
  /** After the lab is idle, no message of `role` (matching the matchers, if given) reached the customer beyond `count` (default 0). */
  'expect-no-message': z.strictObject({ ...OfCustomer, role: Role, ...TextMatch, count: z.number().int().nonnegative().optional(), ...Timeout }),
  /** The AI handed off, with what the handoff payload carried. */
  'expect-handoff': z.strictObject({
    ...OfCustomer, trigger: z.string().optional(), manual: z.boolean().optional(), reasonContains: z.string().optional(),
    summaryContains: z.string().optional(), language: z.string().optional(), sentiment: z.enum(['positive', 'neutral', 'negative']).optional(), ...Timeout,
  }),
  /** The conversation on the helpdesk side. */
  'expect-conversation': z.strictObject({
    ...OfCustomer, status: z.enum(['open', 'handed_off', 'resolved']).optional(), hasCase: z.boolean().optional(), ...Timeout,
  }),
  /**
   * The conversation's case in Creatio, read over OData as Supervisor: `fields` keys are columns
   * (`Subject`, `OwnerId`) or navigation paths (`Status/Name`); `activities` checks its activity feed
   * (ordered by CreatedOn). `cases` counts the cases with this session id (default 1).
   */
  'expect-case': z.strictObject({
    ...OfCustomer,
    fields: z.record(z.string(), Scalar).optional(),
    contains: z.record(z.string(), z.string()).optional(),
    cases: z.number().int().nonnegative().optional(),
    activities: z.strictObject({
      count: z.number().int().nonnegative().optional(),
      atLeast: z.number().int().nonnegative().optional(),
      titles: z.array(z.string()).optional(),
      bodiesContain: z.array(z.string()).optional(),
    }).optional(),
    ...Timeout,
  }),
  /** Any OData request as a Creatio user (default Supervisor); `expect` checks the reply; `save` keeps a value of the reply. */
  odata: z.strictObject({
    method: z.enum(['GET', 'POST', 'PATCH', 'DELETE']).default('GET'),
    path: z.string().min(1),
    body: z.unknown().optional(),
    user: z.string().optional(),
    expect: z.strictObject({
      status: z.number().int().optional(),
      count: z.number().int().nonnegative().optional(),
      fields: z.record(z.string(), Scalar).optional(),
      errorContains: z.string().optional(),
    }).optional(),
    save: z.record(z.string(), z.string()).optional(),
    ...Timeout,
  }),
  /** An agent replies in Creatio: an Activity on the conversation's case (Email or Task), as a Creatio user would add it. */
  'agent-reply': z.strictObject({ ...OfCustomer, via: z.enum(['email', 'task']).default('email'), text: z.string().min(1), html: z.boolean().default(false), title: z.string().optional(), ...AsUser }),
  /** An agent sets the case's status in Creatio (by CaseStatus name: Resolved, Closed, In progress...). */
  'agent-status': z.strictObject({ ...OfCustomer, status: z.string().min(1), ...AsUser }),
  /** An agent edits case fields in Creatio (PATCH). */
  'agent-edit': z.strictObject({ ...OfCustomer, fields: z.record(z.string(), Scalar), ...AsUser }),
  /**
   * A raw request to the engine's webhook URL. `token`: 'valid' (default), 'wrong', 'previous' (the
   * token before the last `rotate-webhook-token`), or a literal.
   * `body`: an object (sent as JSON) or a string (sent as is). `expect.status` is checked.
   */
  webhook: z.strictObject({
    token: z.string().default('valid'),
    body: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    contentType: z.string().default('application/json'),
    /** Pads the JSON body with a `padding` field up to this many bytes (the receiver's 64 KB limit). */
    bodySize: z.number().int().positive().max(1_048_576).optional(),
    /** `result`: the `status` field of a 2xx answer (`accepted`, `resolved`, `acknowledged`, `ignored`...). */
    expect: z.strictObject({ status: z.number().int(), errorCode: z.string().optional(), problemField: z.string().optional(), result: z.string().optional() }),
  }),
  /** Injects faults on the simulated site (all optional; a new fault replaces the previous ones). */
  fault: z.strictObject({
    down: Duration.optional(),
    downMode: z.enum(['reset', '503']).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).optional(),
    retryAfter: Duration.optional(),
    cutOffRate: z.number().min(0).max(1).optional(),
    latency: Duration.optional(),
    seed: z.number().int().optional(),
    expireSessions: z.boolean().optional(),
    revokeTokens: z.boolean().optional(),
  }),
  /** Clears every fault. */
  'clear-faults': z.strictObject({}),
  /** Events of the lab (any part): `count` exactly or `atLeast` (default 1) whose data match `where`. */
  'expect-event': z.strictObject({
    type: z.string().min(1),
    customer: Alias.optional(),
    where: z.record(z.string(), Scalar).optional(),
    count: z.number().int().nonnegative().optional(),
    atLeast: z.number().int().nonnegative().optional(),
    ...Timeout,
  }),
  /** The engine's outbox: counts by state. */
  'expect-outbox': z.strictObject({
    pending: z.number().int().nonnegative().optional(),
    deadLetters: z.number().int().nonnegative().optional(),
    ...Timeout,
  }),
  /** The time between the first `from` event and the first `to` event after it (for the customer) is under a bound. */
  'expect-timing': z.strictObject({ ...OfCustomer, from: z.string(), to: z.string(), under: Duration, ...Timeout }),
  /** Retries every dead letter now (the outbox's manual retry). */
  'retry-dead-letters': z.strictObject({}),
  /** Rotates the webhook token (the processes are re-pointed by the lab). */
  'rotate-webhook-token': z.strictObject({}),
} as const;

export type StepAction = keyof typeof STEP_SCHEMAS;
export const STEP_ACTIONS = Object.keys(STEP_SCHEMAS) as StepAction[];

/** A parsed step: its action, that action's options, and the optional `note` (presenter narration). */
export type Step = { [A in StepAction]: { action: A; options: z.infer<(typeof STEP_SCHEMAS)[A]>; note?: string } }[StepAction];

/** `note:` beside a step's action: what the presenter says at that step (docs/scenarios.md "Narration"). Not an action. */
export const StepNote = z.string({ error: 'must be text (what the presenter says at this step)' }).trim().min(1, 'must be text (what the presenter says at this step)').max(2_000)
  .describe('What the presenter says at this step, beside the action (docs/scenarios.md "Narration")');

/**
 * One step as written: exactly one action key (checked with a clear message by the loader), and an
 * optional `note`. `xor` (not `union`) so the generated JSON Schema says `oneOf`, which editors
 * autocomplete best.
 */
export const StepInput = z.xor(STEP_ACTIONS.map((action) => z.strictObject({ [action]: STEP_SCHEMAS[action], note: StepNote.optional() })) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);

export const ScenarioSettings = z.strictObject({
  defaultCaseOwnerId: z.string().nullable().optional(),
  defaultCaseGroupId: z.string().nullable().optional(),
  resolvedStatusId: z.string().nullable().optional(),
  aiFields: z.array(z.strictObject({
    fieldName: z.string(), displayTitle: z.string(), fieldType: z.enum(['text', 'dropdown']), description: z.string(),
  })).optional(),
  transcriptActivityTypeId: z.string().optional(),
  outbox: z.strictObject({ maxAttempts: z.number().int().min(1).optional(), baseDelayMs: z.number().int().min(1).optional(), maxDelayMs: z.number().int().min(1).optional() }).optional(),
  auth: z.union([
    z.strictObject({ kind: z.literal('oauth'), clientId: z.string(), clientSecret: z.string() }),
    z.strictObject({ kind: z.literal('forms'), userName: z.string(), password: z.string() }),
  ]).optional(),
});

/** The file's top level. `steps` is validated step by step by the loader (file, line, column). */
export const ScenarioFile = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  mode: z.enum(['every-conversation', 'handoff-only']).default('every-conversation'),
  /** Seed of the run's generated ids: the same seed, the same timeline (timestamps aside). */
  seed: z.number().int().default(1),
  /** Default wait of every expectation. */
  timeout: Duration.default(10_000),
  settings: ScenarioSettings.optional(),
  /** The simulated AI's configuration (knowledgeBase, handoffTopics, maxUnanswered...). */
  ai: z.record(z.string(), z.unknown()).optional(),
  steps: z.array(StepInput).min(1, 'needs at least one step'),
});

export interface Scenario {
  name: string;
  description?: string;
  tags: string[];
  mode: 'every-conversation' | 'handoff-only';
  seed: number;
  timeout: number;
  settings?: z.infer<typeof ScenarioSettings>;
  ai?: Record<string, unknown>;
  steps: Step[];
  /** Where it came from, for reports (path relative to the working directory). */
  file: string;
  /** Each step's line in the file (1-based), same order as `steps`. */
  stepLines: number[];
}
