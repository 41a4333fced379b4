import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../store/store.types';
import { matchesFilter } from './filter-match';
import { signalMatches } from './process-engine';
import type { FilterGroup } from './process.schema';
import { agentReplyTemplate, caseClosureTemplate } from './templates';
import { activity, ACTIVITY_TYPE, CASE_STATUS, seededSource } from './processes.test-support';

const { model, source, caseRecord } = seededSource();
const ctx = { model, store: source, entity: 'Activity' };
const EMPTY = '00000000-0000-0000-0000-000000000000';

describe('filter matching', () => {
  it('passes everything without a filter or with an empty group', () => {
    expect(matchesFilter(undefined, activity(), ctx)).toBe(true);
    expect(matchesFilter({ logic: 'or', conditions: [] }, activity(), ctx)).toBe(true);
  });

  it('combines AND and OR groups (the agent reply filter)', () => {
    const filter = agentReplyTemplate('http://x/webhook/t').signal.filter!;
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Email }), ctx)).toBe(true);
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Task }), ctx)).toBe(true);
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Call }), ctx)).toBe(false);
    expect(matchesFilter(filter, activity({ CaseId: EMPTY }), ctx)).toBe(false);
  });

  it('compares GUIDs whatever their case, text case-insensitively', () => {
    const upper: FilterGroup = { logic: 'and', conditions: [{ column: 'TypeId', op: 'eq', value: ACTIVITY_TYPE.Email.toUpperCase() }] };
    expect(matchesFilter(upper, activity(), ctx)).toBe(true);
    const contains: FilterGroup = { logic: 'and', conditions: [{ column: 'Title', op: 'contains', value: 'EPL' }] };
    expect(matchesFilter(contains, activity(), ctx)).toBe(true);
    const ne: FilterGroup = { logic: 'and', conditions: [{ column: 'Title', op: 'ne', value: 'reply' }] };
    expect(matchesFilter(ne, activity(), ctx)).toBe(false);
  });

  it('follows lookups: Type/Name, Case/Status/Name', () => {
    const byName: FilterGroup = { logic: 'and', conditions: [{ column: 'Type/Name', op: 'eq', value: 'Email' }] };
    expect(matchesFilter(byName, activity(), ctx)).toBe(true);
    expect(matchesFilter(byName, activity({ TypeId: ACTIVITY_TYPE.Task }), ctx)).toBe(false);
    const deep: FilterGroup = { logic: 'and', conditions: [{ column: 'Case/Status/Name', op: 'eq', value: 'In progress' }] };
    expect(matchesFilter(deep, activity(), ctx)).toBe(true);
    const emptyPath: FilterGroup = { logic: 'and', conditions: [{ column: 'Case/Status/Name', op: 'empty' }] };
    expect(matchesFilter(emptyPath, activity({ CaseId: EMPTY }), ctx)).toBe(true);
  });

  it('nests groups', () => {
    const filter: FilterGroup = {
      logic: 'or',
      conditions: [
        { logic: 'and', conditions: [{ column: 'TypeId', op: 'eq', value: ACTIVITY_TYPE.Call }, { column: 'Title', op: 'eq', value: 'Reply' }] },
        { logic: 'and', conditions: [{ column: 'Body', op: 'notEmpty' }] },
      ],
    };
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Call }), ctx)).toBe(true);
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Email }), ctx)).toBe(false);
    expect(matchesFilter(filter, activity({ TypeId: ACTIVITY_TYPE.Email, Body: 'x' }), ctx)).toBe(true);
  });
});

describe('signal matching', () => {
  const closure = caseClosureTemplate('http://x/webhook/t').signal;
  const update = (before: object, after: object): RecordChange =>
    ({ kind: 'update', entity: 'Case', id: String(caseRecord.Id), before: { ...caseRecord, ...before }, after: { ...caseRecord, ...after } });

  it('fires the closure on a change of StatusId to Resolved only', () => {
    expect(signalMatches(closure, update({}, { StatusId: CASE_STATUS.Resolved }), { model })).toBe(true);
    expect(signalMatches(closure, update({ StatusId: CASE_STATUS.Resolved }, { StatusId: CASE_STATUS.Resolved, Subject: 'x' }), { model })).toBe(false);
    expect(signalMatches(closure, update({}, { StatusId: CASE_STATUS.Closed }), { model })).toBe(false);
    expect(signalMatches(closure, update({}, { Subject: 'other' }), { model })).toBe(false);
  });

  it('checks the object and the event', () => {
    const insert: RecordChange = { kind: 'insert', entity: 'Case', id: String(caseRecord.Id), after: { ...caseRecord, StatusId: CASE_STATUS.Resolved } };
    expect(signalMatches(closure, insert, { model })).toBe(false);
    const deleted = { entity: 'Case', event: 'deleted' as const, filter: { logic: 'and' as const, conditions: [{ column: 'Subject', op: 'notEmpty' as const }] } };
    expect(signalMatches(deleted, { kind: 'delete', entity: 'Case', id: 'x', before: caseRecord }, { model })).toBe(true);
    expect(signalMatches({ ...deleted, entity: 'Activity' }, { kind: 'delete', entity: 'Case', id: 'x', before: caseRecord }, { model })).toBe(false);
  });

  it("fires 'modified' on any field when no columns are selected", () => {
    expect(signalMatches({ entity: 'Case', event: 'modified' }, update({}, { Subject: 'y' }), { model })).toBe(true);
  });
});
