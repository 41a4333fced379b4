/**
 * Carries out outbox items against Creatio. Each item is first planned (the reads it needs: the
 * Contact, the CaseOrigin, lookup rows) into the writes it makes and the events that say so; the
 * writes then go out one request each, or several items' writes as one `$batch` (write-plans.ts).
 * Every insert carries the Id fixed in the item, so a retry after a lost reply gets
 * CREATIO_DUPLICATE ("that record is already there") and counts it as done: no record is ever made
 * twice (issue 3, "Nothing lost, nothing twice").
 */
import type { CreatioClient, SharedBatches } from '../creatio';
import { createSharedBatches, odataString } from '../creatio';
import type { Customer, DurableEvent } from '../events';
import type {
  ActivityLogPayload, CaseAiFieldsPayload, CaseCreatePayload, CaseResolvePayload, CaseUpdatePayload, GroupOutcome, OutboxItem,
} from '../outbox/outbox-types';
import type { EngineState } from '../state/reducer';
import { ACTIVITY_STATUS_COMPLETED, MESSAGE_TYPE_INCOMING, MESSAGE_TYPE_OUTGOING, ORIGIN_NAME_BY_CHANNEL } from './creatio-ids';
import { type ItemPlan, runGroup, runPlan } from './write-plans';

export interface CreatioWriterDeps {
  client: () => CreatioClient;
  state: EngineState;
  nowIso: () => string;
  /**
   * Most `$batch` requests in flight at once (default 4): one while the writes waiting fill less than a
   * batch (they share the next one), more only for full batches (creatio/shared-batches.ts).
   */
  batchesInFlight?: number;
}

export interface CreatioWriter {
  /** Carries out one item; throws an EngineError when Creatio fails. */
  execute(item: OutboxItem): Promise<DurableEvent[]>;
  /** Carries out consecutive items of one conversation, as one `$batch` where it can (outbox-types.ts GroupOutcome). */
  executeGroup(items: readonly OutboxItem[]): Promise<GroupOutcome>;
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
}

export function createCreatioWriter(deps: CreatioWriterDeps): CreatioWriter {
  /** CaseOrigin Ids found by name; only hits are kept (a tenant may add the row later). */
  const origins = new Map<string, string>();
  /** A client whose site answered `$batch` as unknown: its groups go one request at a time. */
  let noBatch: CreatioClient | undefined;
  /** The shared `$batch` requests of the current client (a new client after a settings change gets its own). */
  let shared: { client: CreatioClient; batches: SharedBatches } | undefined;
  function batchesOf(client: CreatioClient): SharedBatches {
    if (shared?.client !== client) shared = { client, batches: createSharedBatches((writes) => client.batch(writes), deps.batchesInFlight ?? 4) };
    return shared.batches;
  }

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

  async function planCase(item: OutboxItem, p: CaseCreatePayload): Promise<ItemPlan> {
    const found = await findContact(p.customer);
    const contactId = found?.id ?? p.newContactId;
    const originId = await findOrigin(p.channel);
    const writes: ItemPlan['writes'] = [];
    if (!found) writes.push({ method: 'POST', entity: 'Contact', body: defined({ Id: contactId, Name: p.customer.name, Email: p.customer.email, Phone: p.customer.phone }) });
    writes.push({
      method: 'POST', entity: 'Case', body: defined({
        Id: p.caseId, Subject: p.subject, Symptoms: p.symptoms, Notes: p.notes, ContactId: contactId,
        OriginId: originId, OwnerId: p.ownerId, GroupId: p.groupId,
      }),
    });
    return {
      writes, contactId,
      events: () => {
        const base = { at: deps.nowIso(), conversationId: item.conversationId };
        const contact: DurableEvent = found && found.id !== p.newContactId
          ? { type: 'contact.matched', ...base, contactId, by: found.by }
          : { type: 'contact.created', ...base, contactId };
        return [contact, { type: 'case.created', ...base, caseId: p.caseId, contactId, ...(originId ? { originId } : {}) }];
      },
    };
  }

  /** `contactId`: the contact of a case created earlier in the same group (not in the state yet). */
  function planActivity(item: OutboxItem, p: ActivityLogPayload, contactId: string | undefined): ItemPlan {
    const body = p.sessionUrl ? `${p.body}\n\nView session: ${p.sessionUrl}` : p.body;
    const messageTypeId = p.role === 'customer' ? MESSAGE_TYPE_INCOMING : p.role === 'ai' ? MESSAGE_TYPE_OUTGOING : undefined;
    return {
      writes: [{
        method: 'POST', entity: 'Activity', body: defined({
          Id: p.activityId, Title: p.title, Body: body, CaseId: p.caseId, TypeId: p.typeId, StatusId: ACTIVITY_STATUS_COMPLETED,
          MessageTypeId: messageTypeId, Sender: p.sender, StartDate: p.startDate, DueDate: p.startDate,
          ContactId: contactId ?? deps.state.conversations.get(item.conversationId)?.contactId,
        }),
      }],
      events: () => [{
        type: 'activity.logged', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId,
        activityId: p.activityId, title: p.title, ...(p.messageId ? { messageId: p.messageId } : {}),
      }],
    };
  }

  function planUpdate(item: OutboxItem, p: CaseUpdatePayload): ItemPlan {
    return {
      writes: [{ method: 'PATCH', entity: 'Case', id: p.caseId, body: p.patch }],
      events: () => [{ type: 'case.updated', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId, columns: Object.keys(p.patch) }],
    };
  }

  /**
   * AI fields (reference §5.3): text goes in as is; a dropdown on a lookup column becomes the GUID
   * of the row of that Name in the lookup's collection. A label matching no row is reported.
   */
  async function planAiFields(item: OutboxItem, p: CaseAiFieldsPayload): Promise<ItemPlan> {
    const client = deps.client();
    const patch: Record<string, string> = {};
    const unmatched: { fieldName: string; value: string; problem: string }[] = [];
    for (const field of p.values) {
      const target = field.fieldType === 'dropdown' ? await client.lookupTarget('Case', field.fieldName) : undefined;
      if (!target) {
        patch[field.fieldName] = field.value;
        continue;
      }
      const rows = await client.query(target, { filter: `Name eq ${odataString(field.value)}`, select: ['Id'], top: 1 });
      const id = rows[0]?.Id;
      if (typeof id === 'string') patch[field.fieldName] = id;
      else unmatched.push({ fieldName: field.fieldName, value: field.value, problem: `no ${target} named "${field.value}"` });
    }
    const columns = Object.keys(patch);
    return {
      writes: columns.length > 0 ? [{ method: 'PATCH', entity: 'Case', id: p.caseId, body: patch }] : [],
      events: () => {
        const base = { at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId };
        const events: DurableEvent[] = unmatched.map((u) => ({ type: 'ai-field.unmatched', ...base, ...u }));
        if (columns.length > 0) events.push({ type: 'case.updated', ...base, columns });
        return events;
      },
    };
  }

  function planResolve(item: OutboxItem, p: CaseResolvePayload): ItemPlan {
    return {
      writes: [{ method: 'PATCH', entity: 'Case', id: p.caseId, body: { StatusId: p.statusId } }],
      events: () => [{ type: 'case.resolved', at: deps.nowIso(), conversationId: item.conversationId, caseId: p.caseId, statusId: p.statusId }],
    };
  }

  async function plan(item: OutboxItem, contactId?: string): Promise<ItemPlan> {
    switch (item.kind) {
      case 'case.create': return planCase(item, item.payload as CaseCreatePayload);
      case 'activity.log': return planActivity(item, item.payload as ActivityLogPayload, contactId);
      case 'case.update': return planUpdate(item, item.payload as CaseUpdatePayload);
      case 'case.ai-fields': return planAiFields(item, item.payload as CaseAiFieldsPayload);
      case 'case.resolve': return planResolve(item, item.payload as CaseResolvePayload);
    }
  }

  return {
    async execute(item) {
      const planned = await plan(item);
      await runPlan(deps.client(), planned);
      return planned.events();
    },
    async executeGroup(items) {
      const client = deps.client();
      const result = await runGroup({ client, batches: batchesOf(client), items, plan, batch: client !== noBatch });
      if (result.batchUnsupported) noBatch = client;
      return result.outcome;
    },
  };
}
