/**
 * Carries out outbox items against Creatio. Every insert carries the Id fixed in the item, so a
 * retry after a lost reply gets CREATIO_DUPLICATE ("that record is already there") and counts it as
 * done: no record is ever made twice (issue 3, "Nothing lost, nothing twice").
 */
import type { CreatioClient } from '../creatio';
import { odataString } from '../creatio';
import { EngineError } from '../engine-error';
import type { Customer, DurableEvent } from '../events';
import type {
  ActivityLogPayload, CaseAiFieldsPayload, CaseCreatePayload, CaseResolvePayload, CaseUpdatePayload, OutboxItem,
} from '../outbox/outbox-types';
import type { EngineState } from '../state/reducer';
import { ACTIVITY_STATUS_COMPLETED, MESSAGE_TYPE_INCOMING, MESSAGE_TYPE_OUTGOING, ORIGIN_NAME_BY_CHANNEL } from './creatio-ids';

export interface CreatioWriterDeps {
  client: () => CreatioClient;
  state: EngineState;
  nowIso: () => string;
}

/** Inserts `record`; an answer that it exists already (our Id, an earlier attempt) is success. */
async function insertOnce(client: CreatioClient, entity: string, record: Record<string, unknown>): Promise<void> {
  try {
    await client.insert(entity, record);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CREATIO_DUPLICATE') return;
    throw error;
  }
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
}

export function createCreatioWriter(deps: CreatioWriterDeps) {
  /** CaseOrigin Ids found by name; only hits are kept (a tenant may add the row later). */
  const origins = new Map<string, string>();

  async function findContact(customer: Customer): Promise<{ id: string; by: 'email' | 'phone' } | undefined> {
    const client = deps.client();
    // Contact lookup by email (reference §3.6, [WELL]), then by phone or mobile phone.
    if (customer.email) {
      const rows = await client.query('Contact', { filter: `Email eq ${odataString(customer.email)}`, select: ['Id'], top: 1 });
      if (typeof rows[0]?.Id === 'string') return { id: rows[0].Id, by: 'email' };
    }
    if (customer.phone) {
      const phone = odataString(customer.phone);
      const rows = await client.query('Contact', { filter: `Phone eq ${phone} or MobilePhone eq ${phone}`, select: ['Id'], top: 1 });
      if (typeof rows[0]?.Id === 'string') return { id: rows[0].Id, by: 'phone' };
    }
    return undefined;
  }

  async function findOrigin(channel: CaseCreatePayload['channel']): Promise<string | undefined> {
    const name = ORIGIN_NAME_BY_CHANNEL[channel];
    const cached = origins.get(name);
    if (cached) return cached;
    const rows = await deps.client().query('CaseOrigin', { filter: `Name eq ${odataString(name)}`, select: ['Id'], top: 1 });
    const id = rows[0]?.Id;
    if (typeof id !== 'string') return undefined;
    origins.set(name, id);
    return id;
  }

  async function createCase(item: OutboxItem, p: CaseCreatePayload): Promise<DurableEvent[]> {
    const base = { at: deps.nowIso(), conversationId: item.conversationId };
    const events: DurableEvent[] = [];
    const found = await findContact(p.customer);
    const contactId = found?.id ?? p.newContactId;
    if (found && found.id !== p.newContactId) {
      events.push({ type: 'contact.matched', ...base, contactId, by: found.by });
    } else {
      if (!found) {
        await insertOnce(deps.client(), 'Contact', defined({ Id: contactId, Name: p.customer.name, Email: p.customer.email, Phone: p.customer.phone }));
      }
      events.push({ type: 'contact.created', ...base, contactId });
    }
    const originId = await findOrigin(p.channel);
    await insertOnce(deps.client(), 'Case', defined({
      Id: p.caseId, Subject: p.subject, Symptoms: p.symptoms, Notes: p.notes, ContactId: contactId,
      OriginId: originId, OwnerId: p.ownerId, GroupId: p.groupId,
    }));
    events.push({ type: 'case.created', ...base, caseId: p.caseId, contactId, ...(originId ? { originId } : {}) });
    return events;
  }

  async function logActivity(item: OutboxItem, p: ActivityLogPayload): Promise<DurableEvent[]> {
    const contactId = deps.state.conversations.get(item.conversationId)?.contactId;
    const body = p.sessionUrl ? `${p.body}\n\nView session: ${p.sessionUrl}` : p.body;
    const messageTypeId = p.role === 'customer' ? MESSAGE_TYPE_INCOMING : p.role === 'ai' ? MESSAGE_TYPE_OUTGOING : undefined;
    await insertOnce(deps.client(), 'Activity', defined({
      Id: p.activityId, Title: p.title, Body: body, CaseId: p.caseId, TypeId: p.typeId, StatusId: ACTIVITY_STATUS_COMPLETED,
      MessageTypeId: messageTypeId, Sender: p.sender, StartDate: p.startDate, DueDate: p.startDate, ContactId: contactId,
    }));
    return [{
      type: 'activity.logged', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId,
      activityId: p.activityId, title: p.title, ...(p.messageId ? { messageId: p.messageId } : {}),
    }];
  }

  async function updateCase(item: OutboxItem, p: CaseUpdatePayload): Promise<DurableEvent[]> {
    await deps.client().update('Case', p.caseId, p.patch);
    return [{ type: 'case.updated', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId, columns: Object.keys(p.patch) }];
  }

  /**
   * AI fields (reference §5.3): text goes in as is; a dropdown on a lookup column becomes the GUID
   * of the row of that Name in the lookup's collection. A label matching no row is reported.
   */
  async function fillAiFields(item: OutboxItem, p: CaseAiFieldsPayload): Promise<DurableEvent[]> {
    const client = deps.client();
    const base = { at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId };
    const patch: Record<string, string> = {};
    const events: DurableEvent[] = [];
    for (const field of p.values) {
      const target = field.fieldType === 'dropdown' ? await client.lookupTarget('Case', field.fieldName) : undefined;
      if (!target) {
        patch[field.fieldName] = field.value;
        continue;
      }
      const rows = await client.query(target, { filter: `Name eq ${odataString(field.value)}`, select: ['Id'], top: 1 });
      const id = rows[0]?.Id;
      if (typeof id === 'string') patch[field.fieldName] = id;
      else events.push({ type: 'ai-field.unmatched', ...base, fieldName: field.fieldName, value: field.value, problem: `no ${target} named "${field.value}"` });
    }
    if (Object.keys(patch).length > 0) {
      await client.update('Case', p.caseId, patch);
      events.push({ type: 'case.updated', ...base, columns: Object.keys(patch) });
    }
    return events;
  }

  async function resolveCase(item: OutboxItem, p: CaseResolvePayload): Promise<DurableEvent[]> {
    await deps.client().update('Case', p.caseId, { StatusId: p.statusId });
    return [{ type: 'case.resolved', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId, statusId: p.statusId }];
  }

  /** Carries out one item; throws an EngineError when Creatio fails. */
  return function execute(item: OutboxItem): Promise<DurableEvent[]> {
    switch (item.kind) {
      case 'case.create': return createCase(item, item.payload as CaseCreatePayload);
      case 'activity.log': return logActivity(item, item.payload as ActivityLogPayload);
      case 'case.update': return updateCase(item, item.payload as CaseUpdatePayload);
      case 'case.ai-fields': return fillAiFields(item, item.payload as CaseAiFieldsPayload);
      case 'case.resolve': return resolveCase(item, item.payload as CaseResolvePayload);
    }
  };
}
