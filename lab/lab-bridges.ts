/**
 * Feeds every part's events into the lab's bus, each keeping its own event name: the engine's
 * events, the site's commits (`record.inserted|updated|deleted`), business process runs
 * (`process.ran`) and the chat's events. Site events carry the conversation of their case when the
 * engine knows it, so one conversation's timeline spans both sides. The bus redacts secrets.
 */
import type { EngineEvent, SyncEngine } from '../engine';
import type { ChatEvent, FakeChat } from '../fake-chat';
import type { MockCreatio, ProcessLogEntry, RecordChange } from '../mock-creatio';
import type { LabEventBus } from './lab.types';

/** caseId → conversationId, learned from the engine's events. */
export type CaseIndex = Map<string, string>;

const KIND_EVENT = { insert: 'record.inserted', update: 'record.updated', delete: 'record.deleted' } as const;

/** Columns worth showing on a timeline (never a secret: Case and Activity hold none). */
const USEFUL_COLUMNS: Record<string, readonly string[]> = {
  Case: ['Number', 'Subject', 'StatusId', 'OwnerId', 'GroupId', 'OriginId', 'ContactId', 'PriorityId'],
  Activity: ['CaseId', 'Title', 'TypeId', 'StatusId', 'ActivityCategoryId'],
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

export function bridgeEngine(engine: SyncEngine, bus: LabEventBus, cases: CaseIndex): () => void {
  return engine.onEvent((event: EngineEvent) => {
    // A restarted engine replayed its log: learn the cases it already has.
    if (event.type === 'engine.started') for (const c of engine.listConversations()) if (c.caseId) cases.set(c.caseId, c.id);
    const { type, at, ...data } = event;
    const conversationId = 'conversationId' in event ? event.conversationId : undefined;
    // An enqueued write names its case before Creatio sees it, so the site's commit finds its conversation.
    const caseId = event.type === 'outbox.enqueued' ? event.payload.caseId : 'caseId' in event && typeof event.caseId === 'string' ? event.caseId : undefined;
    if (conversationId && caseId) cases.set(caseId, conversationId);
    delete (data as { conversationId?: string }).conversationId;
    bus.publish({ source: 'engine', type, at, ...(conversationId ? { conversationId } : {}), ...(caseId ? { caseId } : {}), data });
  });
}

function changeData(change: RecordChange): { data: Record<string, unknown>; caseId?: string } {
  const record = change.kind === 'delete' ? change.before : change.after;
  const columns = change.kind === 'update'
    ? Object.keys(change.after).filter((k) => change.before[k] !== change.after[k])
    : Object.keys(record).filter((k) => !isEmpty(record[k]));
  const useful: Record<string, unknown> = {};
  for (const column of USEFUL_COLUMNS[change.entity] ?? []) if (!isEmpty(record[column])) useful[column] = record[column];
  const caseId = change.entity === 'Case' ? change.id : change.entity === 'Activity' && !isEmpty(record.CaseId) ? String(record.CaseId) : undefined;
  return { data: { entity: change.entity, id: change.id, columns, ...(Object.keys(useful).length ? { values: useful } : {}) }, caseId };
}

export function bridgeSite(site: MockCreatio, bus: LabEventBus, cases: CaseIndex): () => void {
  const offCommit = site.store.onCommit((changes, sequence) => {
    for (const change of changes) {
      const { data, caseId } = changeData(change);
      const conversationId = caseId ? cases.get(caseId) : undefined;
      bus.publish({
        source: 'creatio', type: KIND_EVENT[change.kind], ...(conversationId ? { conversationId } : {}), ...(caseId ? { caseId } : {}),
        data: { ...data, commitSequence: sequence },
      });
    }
  });
  const offLog = site.processes.log.onAdd((entry: ProcessLogEntry) => {
    const caseId = entry.trigger.entity === 'Case' ? entry.trigger.recordId : entry.parameters['Case.Id'];
    const conversationId = caseId ? cases.get(caseId) : undefined;
    bus.publish({
      source: 'process', type: 'process.ran', ...(conversationId ? { conversationId } : {}), ...(caseId ? { caseId } : {}),
      data: {
        processId: entry.processId, processName: entry.processName, trigger: entry.trigger, status: entry.status,
        startedOn: entry.startedOn, attempts: entry.attempts,
        ...(entry.request ? { url: entry.request.url, method: entry.request.method } : {}),
        ...(entry.response ? { responseStatus: entry.response.status, timeMs: entry.response.timeMs } : {}),
        ...(entry.error ? { error: entry.error } : {}),
      },
    });
  });
  return () => {
    offCommit();
    offLog();
  };
}

export function bridgeChat(chat: FakeChat, bus: LabEventBus): () => void {
  return chat.onEvent((event: ChatEvent) => {
    const { type, at, conversationId, ...data } = event;
    bus.publish({ source: 'chat', type, at, conversationId, data });
  });
}
