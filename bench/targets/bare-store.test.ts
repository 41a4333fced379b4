import { describe, expect, it } from 'vitest';
import { FALLBACK_COLUMNS, generateActivities } from '../lib/activity-data';
import { createBareStore, matchRoute } from './bare-store';

describe('matchRoute', () => {
  const id = '0a1b2c3d-0000-4000-8000-00000000000a';
  it('recognises the three benchmarked requests', () => {
    expect(matchRoute('GET', `/0/odata/Activity(${id})`)).toEqual({ kind: 'key', id });
    expect(matchRoute('GET', `/0/odata/Activity?$filter=CaseId%20eq%20${id}&$orderby=CreatedOn`)).toEqual({ kind: 'list', caseId: id });
    expect(matchRoute('POST', '/0/odata/Activity')).toEqual({ kind: 'post' });
    expect(matchRoute('GET', '/0/odata/Case')).toEqual({ kind: 'none' });
  });
});

describe('createBareStore', () => {
  it('answers a case’s activities in CreatedOn order and keeps inserts', () => {
    const data = generateActivities({ count: 500, columns: FALLBACK_COLUMNS });
    const store = createBareStore(data);
    const caseId = data.caseIds[0] ?? '';
    const list = store.byCase(caseId);
    expect(list.length).toBe(data.rows.filter((r) => r.CaseId === caseId).length);
    const dates = list.map((r) => String(r.CreatedOn));
    expect([...dates].sort()).toEqual(dates);
    const row = store.insert({ Title: 'x', CaseId: caseId });
    expect(store.get(String(row.Id))?.Title).toBe('x');
    expect(store.byCase(caseId)).toContain(row);
  });
});
