/**
 * `${...}` references in step strings (scenario.schema.ts header): `${case.ann}`, `${conversation.ann}`,
 * `${contact.ann}`, `${saved.name}`, `${webhookToken}`. Resolved when the step runs, so a reference
 * sees what earlier steps made; an unknown or not-yet-known one fails the step saying which.
 */
import { conversationOf, eventsOf, type StepContext, StepFailure } from './step-context';

const REFERENCE = /\$\{([^}]*)\}/g;

/** Every string inside `value` (objects and arrays included) with its references replaced. */
export function resolveReferences<T>(ctx: StepContext, value: T): T {
  if (typeof value === 'string') return value.replace(REFERENCE, (_match, name: string) => resolveOne(ctx, name.trim())) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => resolveReferences(ctx, item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveReferences(ctx, item)])) as T;
  }
  return value;
}

function resolveOne(ctx: StepContext, name: string): string {
  if (name === 'webhookToken') return ctx.lab.settings().webhookToken;
  const [kind, key, ...rest] = name.split('.');
  if (!key || rest.length > 0) throw new StepFailure(`unknown reference \${${name}}: use case.<alias>, conversation.<alias>, contact.<alias>, saved.<name> or webhookToken`);
  switch (kind) {
    case 'conversation':
      return conversationOf(ctx, key);
    case 'case':
      return caseOf(ctx, key);
    case 'contact':
      return contactOf(ctx, key);
    case 'saved': {
      const saved = ctx.saved.get(key);
      if (saved === undefined) throw new StepFailure(`\${saved.${key}} is not saved yet (an \`odata\` step's \`save\` keeps it)`);
      return saved;
    }
    default:
      throw new StepFailure(`unknown reference \${${name}}: use case.<alias>, conversation.<alias>, contact.<alias>, saved.<name> or webhookToken`);
  }
}

/** The case Id of a customer's conversation (chosen by the engine before it is written). */
export function caseOf(ctx: StepContext, alias: string): string {
  const caseId = ctx.lab.engine.getConversation(conversationOf(ctx, alias))?.caseId;
  if (!caseId) throw new StepFailure(`${alias}'s conversation has no case yet (in handoff-only mode the case comes with the handoff)`);
  return caseId;
}

function contactOf(ctx: StepContext, alias: string): string {
  const conversationId = conversationOf(ctx, alias);
  const fromView = ctx.lab.engine.getConversation(conversationId)?.contactId;
  if (fromView) return fromView;
  const found = [...eventsOf(ctx, 'contact.matched', conversationId), ...eventsOf(ctx, 'contact.created', conversationId)]
    .map((e) => e.data.contactId)
    .find((id): id is string => typeof id === 'string');
  if (!found) throw new StepFailure(`${alias}'s contact is not known yet (it is matched or created with the case)`);
  return found;
}
