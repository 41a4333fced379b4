import { EMPTY_DATE, EMPTY_GUID, type FuzzRecord } from './fuzz-types';
import { FUZZ_ENTITIES } from './fuzz-schema';
import { createMemoryTable } from './memory-table';

/** A tiny hand-written dataset over the fuzz schema, for unit tests with exact expectations. */
const id = (prefix: string, n: number) => `${prefix}-0000-0000-0000-00000000000${n}`;
export const S = { New: id('5a5a5a5a', 1), Closed: id('5a5a5a5a', 2) };
export const C = { Alice: id('c0c0c0c0', 1), Bob: id('c0c0c0c0', 2) };
export const K = { One: id('cacacaca', 1), Two: id('cacacaca', 2), Three: id('cacacaca', 3) };
export const A = { One: id('acacacac', 1), Two: id('acacacac', 2), Three: id('acacacac', 3), Four: id('acacacac', 4) };
export const DANGLING = 'deadbeef-0000-0000-0000-000000000000';

export const SMALL_DATA: Record<string, FuzzRecord[]> = {
  CaseStatus: [
    { Id: S.New, Name: 'New', IsFinal: false, StageNumber: 1 },
    { Id: S.Closed, Name: 'Closed', IsFinal: true, StageNumber: 3 },
  ],
  Contact: [
    { Id: C.Alice, Name: 'Alice', Email: 'alice@example.com', Age: 30, Rating: 4.5, BirthDate: '1990-05-01T00:00:00.0000000Z', IsActive: true, ManagerId: C.Bob },
    { Id: C.Bob, Name: "Bob O'Brien", Email: 'BOB@example.com', Age: 45, Rating: 3.25, BirthDate: EMPTY_DATE, IsActive: false, ManagerId: EMPTY_GUID },
  ],
  Case: [
    { Id: K.One, Number: 'SR00000001', Subject: 'Printer broken', StatusId: S.New, ContactId: C.Alice, OwnerId: C.Bob, RegisteredOn: '2026-09-15T06:00:00.0000000Z', Priority: 2, SolutionRemains: 1.5, ResponseOverdue: false, Notes: '' },
    { Id: K.Two, Number: 'SR00000002', Subject: 'printer JAMMED', StatusId: S.Closed, ContactId: EMPTY_GUID, OwnerId: DANGLING, RegisteredOn: '2026-09-16T08:30:00.1234567Z', Priority: 5, SolutionRemains: -2, ResponseOverdue: true, Notes: 'call back' },
    { Id: K.Three, Number: 'SR00000003', Subject: 'Login fails', StatusId: S.New, ContactId: C.Bob, OwnerId: C.Alice, RegisteredOn: EMPTY_DATE, Priority: -1, SolutionRemains: 0, ResponseOverdue: false, Notes: "it's" },
  ],
  Activity: [
    { Id: A.One, Title: 'Email in', CaseId: K.One, OwnerId: C.Alice, StartDate: '2026-09-15T06:05:00.0000000Z', DurationInMinutes: 5, IsHtmlBody: true, Body: '<p>Hi</p>', CreatedOn: '2026-09-15T06:05:00.0000000Z' },
    { Id: A.Two, Title: 'Call', CaseId: K.One, OwnerId: C.Bob, StartDate: '2026-09-15T05:00:00.0000000Z', DurationInMinutes: 30, IsHtmlBody: false, Body: 'called', CreatedOn: '2026-09-15T05:00:00.0000000Z' },
    { Id: A.Three, Title: 'Reply', CaseId: K.Two, OwnerId: EMPTY_GUID, StartDate: EMPTY_DATE, DurationInMinutes: 0, IsHtmlBody: false, Body: '', CreatedOn: '2026-09-16T09:00:00.0000000Z' },
    { Id: A.Four, Title: 'Note', CaseId: EMPTY_GUID, OwnerId: C.Alice, StartDate: '2026-09-17T00:00:00.0000000Z', DurationInMinutes: 12, IsHtmlBody: false, Body: 'x', CreatedOn: '2026-09-14T00:00:00.0000000Z' },
  ],
};

/** Tables over SMALL_DATA; build the SchemaModel from `entities` with mock-creatio's createSchemaModel. */
export function createSmallDataset() {
  const tables = new Map(FUZZ_ENTITIES.map((def) => [def.name, createMemoryTable(def, SMALL_DATA[def.name] ?? [])]));
  return { entities: FUZZ_ENTITIES, tables, tableOf: (entity: string) => tables.get(entity) };
}
