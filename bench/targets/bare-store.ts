import { randomUUID } from 'node:crypto';
import type { ActivityRow, Dataset } from '../lib/activity-data';

/**
 * The baseline servers' data: a Map by Id and a per-case list kept in CreatedOn order, built once
 * at start. No general $filter evaluation, no validation, no persistence: the least work that
 * answers the same JSON, so the baselines measure the HTTP stack and JSON serialisation only.
 */
export interface BareStore {
  get(id: string): ActivityRow | undefined;
  byCase(caseId: string): ActivityRow[];
  /** Fills the unset columns from an existing row's empty values, keeps it in memory only. */
  insert(body: Record<string, unknown>): ActivityRow;
}

const FILTER_RE = /^CaseId eq ([0-9a-fA-F-]{36})$/;
const KEY_RE = /^\/0\/odata\/Activity\(([0-9a-fA-F-]{36})\)$/;

export function createBareStore(data: Dataset): BareStore {
  const byId = new Map<string, ActivityRow>();
  const byCase = new Map<string, ActivityRow[]>();
  const add = (row: ActivityRow): void => {
    byId.set(String(row.Id), row);
    const key = String(row.CaseId);
    const list = byCase.get(key) ?? [];
    list.push(row);
    byCase.set(key, list);
  };
  for (const row of data.rows) add(row);
  for (const list of byCase.values()) list.sort((a, b) => String(a.CreatedOn).localeCompare(String(b.CreatedOn)));
  const template = data.rows[0] ?? {};
  return {
    get: (id) => byId.get(id.toLowerCase()),
    byCase: (caseId) => byCase.get(caseId.toLowerCase()) ?? [],
    insert: (body) => {
      const now = new Date().toISOString().replace('Z', '0000Z');
      const row: ActivityRow = { ...template, CreatedOn: now, ModifiedOn: now, Id: randomUUID() };
      for (const [name, value] of Object.entries(body)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') row[name] = value;
      }
      add(row);
      return row;
    },
  };
}

export type BareRoute =
  | { kind: 'key'; id: string }
  | { kind: 'list'; caseId: string }
  | { kind: 'post' }
  | { kind: 'none' };

/** Recognises the three benchmarked requests on the simulator's own paths. */
export function matchRoute(method: string, rawUrl: string): BareRoute {
  const url = new URL(rawUrl, 'http://localhost');
  if (method === 'POST') return url.pathname === '/0/odata/Activity' ? { kind: 'post' } : { kind: 'none' };
  const key = KEY_RE.exec(url.pathname);
  if (key?.[1]) return { kind: 'key', id: key[1] };
  const filter = FILTER_RE.exec(url.searchParams.get('$filter') ?? '');
  if (url.pathname === '/0/odata/Activity' && filter?.[1]) return { kind: 'list', caseId: filter[1] };
  return { kind: 'none' };
}

/** The OData 4 envelope Creatio puts around an entity / a collection (reference/creatio-api.md §1). */
export function entityBody(base: string, row: ActivityRow): Record<string, unknown> {
  return { '@odata.context': `${base}/0/odata/$metadata#Activity/$entity`, ...row };
}

export function listBody(base: string, rows: ActivityRow[]): Record<string, unknown> {
  return { '@odata.context': `${base}/0/odata/$metadata#Activity`, value: rows };
}
