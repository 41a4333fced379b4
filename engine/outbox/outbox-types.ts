/**
 * Outbox items: every write to Creatio, with every id it will use fixed before the first attempt
 * (issue 3, "Nothing lost, nothing twice"), so that a retry after a lost reply finds its own record.
 */
import type { ConversationChannel, Customer, DurableEvent, ErrorInfo } from '../events';

export interface CaseCreatePayload {
  caseId: string;
  /** Id used if the Contact has to be created (found by email or phone otherwise). */
  newContactId: string;
  customer: Customer;
  channel: ConversationChannel;
  subject: string;
  symptoms?: string;
  notes: string;
  ownerId?: string;
  groupId?: string;
}

export interface ActivityLogPayload {
  activityId: string;
  caseId: string;
  /** The transcript message this activity records; absent for the handoff note. */
  messageId?: string;
  role: 'customer' | 'ai' | 'handoff';
  title: string;
  body: string;
  startDate: string;
  sender: string;
  typeId: string;
  /** The "View session" link, carried by the first activity of a case. */
  sessionUrl?: string;
}

export interface CaseUpdatePayload {
  caseId: string;
  patch: Record<string, string>;
}

export interface AiFieldValue {
  fieldName: string;
  fieldType: 'text' | 'dropdown';
  value: string;
}

export interface CaseAiFieldsPayload {
  caseId: string;
  values: AiFieldValue[];
}

export interface CaseResolvePayload {
  caseId: string;
  statusId: string;
}

export type OutboxItemKind = 'case.create' | 'activity.log' | 'case.update' | 'case.ai-fields' | 'case.resolve';

export type OutboxPayload = CaseCreatePayload | ActivityLogPayload | CaseUpdatePayload | CaseAiFieldsPayload | CaseResolvePayload;

export type OutboxItemState = 'pending' | 'done' | 'dead';

export interface OutboxItem {
  id: string;
  conversationId: string;
  /** Global enqueue order; within a conversation items run strictly in this order. */
  seq: number;
  kind: OutboxItemKind;
  payload: OutboxPayload;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms before which the item is not tried again (0: at once). */
  nextAttemptAt: number;
  state: OutboxItemState;
  lastError?: ErrorInfo;
  enqueuedAt: string;
}

/** What `SyncEngine.outbox()` shows. */
export type OutboxItemView = Readonly<OutboxItem>;

/**
 * What carrying out consecutive items of one conversation together gave: the events of the first
 * `done.length` items (each done, in order); then, when `failure` is set, that failure belongs to
 * the next item; any item after those was not tried and stays pending.
 */
export interface GroupOutcome {
  done: DurableEvent[][];
  failure?: unknown;
}
