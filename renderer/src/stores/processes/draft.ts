/**
 * The process being edited, in a shape the forms edit easily (every list item has a key; values are
 * text), and its conversion to and from the site's definition (docs/admin-api.md, "A process").
 * Pure, so the round trip is unit-tested.
 */
import type { CheckedProcess, ProcessDefinition } from '../../../../contract';

export type Op = 'eq' | 'ne' | 'contains' | 'empty' | 'notEmpty';
export const OPS: readonly Op[] = ['eq', 'ne', 'contains', 'empty', 'notEmpty'];
export const needsValue = (op: Op) => op === 'eq' || op === 'ne' || op === 'contains';

export interface ConditionDraft { kind: 'condition'; key: string; column: string; op: Op; value: string }
export interface GroupDraft { kind: 'group'; key: string; logic: 'and' | 'or'; items: FilterItem[] }
export type FilterItem = ConditionDraft | GroupDraft;
export interface HeaderDraft { key: string; name: string; value: string }
export type SignalEvent = 'added' | 'modified' | 'deleted';
export type Method = 'POST' | 'PUT' | 'PATCH' | 'GET';

export interface Draft {
  /** null: a new process, not saved yet. */
  id: string | null;
  name: string;
  active: boolean;
  entity: string;
  event: SignalEvent;
  changedColumns: string[];
  /** The root group; no items = no filter. */
  filter: GroupDraft;
  /** The URL as the field shows it: a webhook token is always `***`. */
  url: string;
  /** The full URL with its token, when the user inserted the engine's webhook URL (never shown). */
  secretUrl: string | null;
  method: Method;
  contentType: string;
  headers: HeaderDraft[];
  body: string;
  /** The lab extra, kept as it was (the editor does not change it). */
  retries?: { attempts: number; delayMs: number };
}

let counter = 0;
/** A key for a list item of the forms (React keys, the filter tree's addresses). */
export const newKey = () => `k${++counter}`;

/** The site's redaction of a webhook token (`/webhook/<token>` → `/webhook/***`), mirrored for display. */
export function maskWebhookToken(url: string): string {
  return url.replace(/(\/webhook\/)[^/?#]+/gi, '$1***');
}

export function emptyGroup(logic: 'and' | 'or' = 'and'): GroupDraft {
  return { kind: 'group', key: newKey(), logic, items: [] };
}

export function emptyCondition(column = ''): ConditionDraft {
  return { kind: 'condition', key: newKey(), column, op: 'eq', value: '' };
}

export function newDraft(): Draft {
  return {
    id: null, name: 'New process', active: true, entity: 'Activity', event: 'added', changedColumns: [], filter: emptyGroup(),
    url: '', secretUrl: null, method: 'POST', contentType: 'application/json', headers: [],
    body: '{"event_type":"new_activity","caseId":"[#Case.Id#]"}',
  };
}

function toItem(raw: unknown): FilterItem | null {
  if (!raw || typeof raw !== 'object') return null;
  const item = raw as Record<string, unknown>;
  if (item.logic === 'and' || item.logic === 'or') {
    const items = Array.isArray(item.conditions) ? item.conditions.map(toItem).filter((i): i is FilterItem => i !== null) : [];
    return { kind: 'group', key: newKey(), logic: item.logic, items };
  }
  if (typeof item.column !== 'string') return null;
  const op = OPS.includes(item.op as Op) ? (item.op as Op) : 'eq';
  return { kind: 'condition', key: newKey(), column: item.column, op, value: item.value === undefined ? '' : String(item.value) };
}

export function draftFromProcess(process: CheckedProcess): Draft {
  const call = process.callWebService;
  const root = toItem(process.signal.filter);
  return {
    id: process.id, name: process.name, active: process.active ?? true,
    entity: process.signal.entity, event: process.signal.event, changedColumns: process.signal.changedColumns ?? [],
    filter: root?.kind === 'group' ? root : { ...emptyGroup(), items: root ? [root] : [] },
    url: call.url, secretUrl: null, method: call.method ?? 'POST', contentType: call.contentType ?? 'application/json',
    headers: Object.entries(call.headers ?? {}).map(([name, value]) => ({ key: newKey(), name, value })),
    body: call.body ?? '', ...(process.retries ? { retries: process.retries } : {}),
  };
}

type FilterOut = { logic: 'and' | 'or'; conditions: unknown[] };
function fromGroup(group: GroupDraft): FilterOut {
  return {
    logic: group.logic,
    conditions: group.items.map((item) => (item.kind === 'group' ? fromGroup(item)
      : { column: item.column.trim(), op: item.op, ...(needsValue(item.op) ? { value: item.value } : {}) })),
  };
}

/** The definition the site takes: the secret URL when the field still shows it masked. */
export function toDefinition(draft: Draft): ProcessDefinition {
  const url = draft.secretUrl && draft.url === maskWebhookToken(draft.secretUrl) ? draft.secretUrl : draft.url;
  return {
    name: draft.name.trim(), active: draft.active,
    signal: {
      entity: draft.entity, event: draft.event,
      ...(draft.event === 'modified' && draft.changedColumns.length > 0 ? { changedColumns: draft.changedColumns } : {}),
      ...(draft.filter.items.length > 0 ? { filter: fromGroup(draft.filter) } : {}),
    },
    callWebService: {
      url: url.trim(), method: draft.method, contentType: draft.contentType,
      headers: Object.fromEntries(draft.headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value])), body: draft.body,
    },
    ...(draft.retries ? { retries: draft.retries } : {}),
  };
}

/** Applies `change` to the item with `key` anywhere in the tree (the root included). */
export function updateItem(root: GroupDraft, key: string, change: (item: FilterItem) => FilterItem | null): GroupDraft {
  if (root.key === key) {
    const next = change(root);
    return next?.kind === 'group' ? next : root;
  }
  const items: FilterItem[] = [];
  for (const item of root.items) {
    if (item.key === key) {
      const next = change(item);
      if (next) items.push(next);
    } else items.push(item.kind === 'group' ? updateItem(item, key, change) : item);
  }
  return { ...root, items };
}

/** Adds `item` at the end of the group with `groupKey`. */
export function addItem(root: GroupDraft, groupKey: string, item: FilterItem): GroupDraft {
  return updateItem(root, groupKey, (group) => (group.kind === 'group' ? { ...group, items: [...group.items, item] } : group));
}
