import { memoryTables } from '../records/test-tables';
import { ACTIVITY_TYPE, CASE_STATUS } from '../schema/constants';
import { SCHEMA } from '../schema/entities';
import { createSeed, SEED_CASE } from '../schema/seed';
import type { EntityRecord } from '../schema/schema.types';
import { EMPTY_GUID } from '../schema/schema.types';

/** Seeded in-memory tables (the real schema and seed) for the processes' unit tests. */
export function seededSource() {
  const tables = memoryTables(SCHEMA, createSeed('2026-11-24T09:00:00.0000000Z'));
  const caseRecord = tables.table('Case')!.get(SEED_CASE.PortalLogin)!;
  return { model: SCHEMA, source: { table: tables.table }, put: tables.put, caseRecord };
}

/** An Activity record with every column present (as the store holds it), linked to `caseId`. */
export function activity(extra: Partial<EntityRecord> = {}): EntityRecord {
  const record: EntityRecord = {};
  for (const column of SCHEMA.entity('Activity')!.columns) {
    record[column.name] = column.type === 'Edm.Guid' ? EMPTY_GUID : column.type === 'Edm.String' ? '' : column.type === 'Edm.Boolean' ? false : 0;
  }
  return { ...record, Id: 'c5e1ab00-aaaa-4000-8000-000000000001', Title: 'Reply', TypeId: ACTIVITY_TYPE.Email, CaseId: SEED_CASE.PortalLogin, ...extra };
}

export { ACTIVITY_TYPE, CASE_STATUS, SEED_CASE };
