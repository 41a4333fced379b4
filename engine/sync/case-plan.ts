/**
 * What to write to Creatio after each step of a conversation (issue 3 "Case sync"; seed
 * case-sync.md "How case creation works", "Case creation modes"). Pure planning: it only pushes
 * events and outbox items into the step's transaction; the outbox runner does the writing.
 *
 * Where the handoff lands (docs/fidelity.md): the summary becomes the case's Symptoms (Creatio has
 * no Description column, reference §3.1); session id, channel, language, sentiment and reason go in
 * Notes as one line; and when the case already existed, a "Handoff to a human agent" activity
 * carries all of it, so the agent sees the handoff on the timeline.
 */
import type { AiFieldResult, SimulatedAi, TranscriptEntry } from '../ai';
import type { HandoffPayload } from '../events';
import type { AiFieldValue } from '../outbox/outbox-types';
import type { Random } from '../ports';
import type { ConversationState, MessageState } from '../state/reducer';
import type { Transaction } from '../state/transaction';
import type { EngineSettings } from '../settings';

export interface PlanContext {
  settings: EngineSettings;
  random: Random;
  ai: SimulatedAi;
}

const SUBJECT_MAX = 500; // Case.Subject is text(500) (reference §3.1)
const TITLE_TEXT_MAX = 80;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function caseNotes(conversation: ConversationState, handoff?: HandoffPayload): string {
  const parts = [`Session ${conversation.id}`, conversation.channel];
  if (handoff) parts.push(`language ${handoff.language}`, `sentiment ${handoff.sentiment}`, `reason ${handoff.reason}`);
  return parts.join(' · ');
}

function sessionUrl(settings: EngineSettings, conversationId: string): string {
  return settings.sessionUrlTemplate.replaceAll('{sessionId}', encodeURIComponent(conversationId));
}

function customerSender(conversation: ConversationState): string {
  const { customer } = conversation;
  return customer.email ?? customer.phone ?? customer.name;
}

/** Creates the case when it is first needed: its Id is fixed here, in the state, at once. */
function ensureCase(tx: Transaction, conversation: ConversationState, ctx: PlanContext, handoff?: HandoffPayload): void {
  if (conversation.caseId) return;
  const first = conversation.messages.find((m) => m.role === 'customer');
  tx.enqueue(conversation.id, 'case.create', {
    caseId: ctx.random.uuid(),
    newContactId: ctx.random.uuid(),
    customer: conversation.customer,
    channel: conversation.channel,
    subject: first ? clip(first.text, SUBJECT_MAX) : `Conversation ${conversation.id}`,
    ...(handoff ? { symptoms: handoff.summary } : {}),
    notes: caseNotes(conversation, handoff),
    ...(ctx.settings.defaultCaseOwnerId ? { ownerId: ctx.settings.defaultCaseOwnerId } : {}),
    ...(ctx.settings.defaultCaseGroupId ? { groupId: ctx.settings.defaultCaseGroupId } : {}),
  });
}

function enqueueActivity(tx: Transaction, conversation: ConversationState, ctx: PlanContext, activity: {
  role: 'customer' | 'ai' | 'handoff'; title: string; body: string; at: string; sender: string; message?: MessageState;
}): void {
  const first = conversation.activitiesQueued === 0;
  tx.enqueue(conversation.id, 'activity.log', {
    activityId: ctx.random.uuid(),
    caseId: conversation.caseId!,
    ...(activity.message ? { messageId: activity.message.id } : {}),
    role: activity.role,
    title: activity.title,
    body: activity.body,
    startDate: activity.at,
    sender: activity.sender,
    typeId: ctx.settings.transcriptActivityTypeId,
    ...(first ? { sessionUrl: sessionUrl(ctx.settings, conversation.id) } : {}),
  });
}

/**
 * Per conversation, how many of its first messages need no activity any more (logged, or not a
 * customer or AI message): an activity id, once set, stays, so they are never looked at again.
 */
const settledMessages = new WeakMap<ConversationState, number>();

/** Logs, in order, every message of the transcript that has no activity yet (needs a case). */
function logTranscript(tx: Transaction, conversation: ConversationState, ctx: PlanContext): void {
  if (!conversation.caseId) return;
  const { messages } = conversation;
  let settled = settledMessages.get(conversation) ?? 0;
  for (let index = settled; index < messages.length; index += 1) {
    const message = messages[index]!;
    if (message.activityId || (message.role !== 'customer' && message.role !== 'ai')) {
      if (index === settled) settled += 1;
      continue;
    }
    const customer = message.role === 'customer';
    enqueueActivity(tx, conversation, ctx, {
      role: message.role, message, body: message.text, at: message.at,
      title: `${customer ? 'Customer' : 'AI'}: ${clip(message.text, TITLE_TEXT_MAX)}`,
      sender: customer ? customerSender(conversation) : 'AI assistant',
    });
  }
  settledMessages.set(conversation, settled);
}

/** After new messages: in "every conversation" mode the case comes with the first customer message. */
export function planMessages(tx: Transaction, conversation: ConversationState, ctx: PlanContext): void {
  const hasCustomerMessage = conversation.messages.some((m) => m.role === 'customer');
  if (!ctx.settings.createCaseOnlyOnHandoff && hasCustomerMessage) ensureCase(tx, conversation, ctx);
  logTranscript(tx, conversation, ctx);
}

function handoffNote(handoff: HandoffPayload): string {
  return [
    `Reason: ${handoff.reason}`, `Summary: ${handoff.summary}`, `Sentiment: ${handoff.sentiment}`,
    `Language: ${handoff.language}`, `Handed off at: ${handoff.timestamp}`,
  ].join('\n');
}

/**
 * A handoff (already pushed as `handoff.triggered`): with no case yet, the case is created carrying
 * the handoff, then the transcript follows; with a case, the handoff note becomes a new activity
 * and the case's Symptoms and Notes are brought up to date. AI fields are filled at the first one.
 */
export function planHandoff(tx: Transaction, conversation: ConversationState, ctx: PlanContext, handoff: { payload: HandoffPayload; at: string }): void {
  const { payload } = handoff;
  const hadCase = conversation.caseId !== undefined;
  ensureCase(tx, conversation, ctx, payload);
  logTranscript(tx, conversation, ctx);
  const caseId = conversation.caseId!;
  if (hadCase) {
    enqueueActivity(tx, conversation, ctx, {
      role: 'handoff', title: 'Handoff to a human agent', body: handoffNote(payload), at: handoff.at, sender: 'AI assistant',
    });
    tx.enqueue(conversation.id, 'case.update', { caseId, patch: { Symptoms: payload.summary, Notes: caseNotes(conversation, payload) } });
  }
  if (conversation.handoffs.length !== 1 || ctx.settings.aiFields.length === 0) return;
  const transcript = conversation.messages.map(({ role, text, at }) => ({ role, text, at }));
  const results = fillFields(ctx, transcript);
  const values: AiFieldValue[] = [];
  for (const result of results) {
    if ('problem' in result) {
      tx.push({ type: 'ai-field.unmatched', at: tx.at, conversationId: conversation.id, caseId, fieldName: result.fieldName, problem: result.problem });
    } else {
      values.push({ fieldName: result.fieldName, fieldType: result.fieldType, value: result.value });
    }
  }
  if (values.length > 0) tx.enqueue(conversation.id, 'case.ai-fields', { caseId, values });
}

/** The AI's field values; an AI that throws reports every field as a problem rather than lose the step. */
function fillFields(ctx: PlanContext, transcript: TranscriptEntry[]): AiFieldResult[] {
  try {
    return ctx.ai.fillFields(transcript, ctx.settings.aiFields);
  } catch (error) {
    const problem = `the AI could not fill the field: ${error instanceof Error ? error.message : String(error)}`;
    return ctx.settings.aiFields.map((field) => ({ fieldName: field.fieldName, problem }));
  }
}

/** Resolution on the helpdesk side (seed: "Resolution status"): the case moves to the Resolved Status ID. */
export function planResolve(tx: Transaction, conversation: ConversationState, ctx: PlanContext): void {
  if (!conversation.caseId) return;
  const statusId = ctx.settings.resolvedStatusId;
  if (!statusId) {
    tx.push({ type: 'resolution.skipped', at: tx.at, conversationId: conversation.id, reason: 'No Resolved Status ID is set: the case keeps its status.' });
    return;
  }
  tx.enqueue(conversation.id, 'case.resolve', { caseId: conversation.caseId, statusId });
}
