import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchemaModel } from '../schema/model';
import type { EntityDef, EntityRecord } from '../schema/schema.types';
import type { DataStore } from './store.types';
import { openDataStore, type DataStoreOptions, type DurableDataStore } from './workspace-store';

/** A small model for the store's tests: a lookup table and a table with a lookup column. */
export const STATUS: EntityDef = {
  name: 'CaseStatus',
  displayColumn: 'Name',
  columns: [
    { name: 'Id', type: 'Edm.Guid' },
    { name: 'Name', type: 'Edm.String' },
  ],
};
export const CASE: EntityDef = {
  name: 'Case',
  displayColumn: 'Number',
  columns: [
    { name: 'Id', type: 'Edm.Guid' },
    { name: 'Number', type: 'Edm.String' },
    { name: 'Subject', type: 'Edm.String' },
    { name: 'StatusId', type: 'Edm.Guid', lookup: { nav: 'Status', entity: 'CaseStatus' } },
    { name: 'Priority', type: 'Edm.Int32' },
    { name: 'IsClosed', type: 'Edm.Boolean' },
  ],
};
export const MODEL = createSchemaModel([STATUS, CASE]);

export const NEW = 'ae0e45ca-c495-4fe7-a39d-3ab7278e1617';
export const CLOSED = '3e7f420c-f46b-1410-fc9a-0050ba5d6c38';

export function seed(): Record<string, EntityRecord[]> {
  return {
    // Keys deliberately out of column order: the files must come out in column order anyway.
    CaseStatus: [{ Name: 'New', Id: NEW }, { Name: 'Closed', Id: CLOSED }],
    Case: [caseRecord(0, { Subject: 'Seeded case' })],
  };
}

/** A Case with a predictable id `00000000-0000-4000-8000-<n, 12 digits>`. */
export function caseRecord(n: number, extra: Partial<EntityRecord> = {}): EntityRecord {
  return {
    Id: caseId(n),
    Number: `SR${String(n).padStart(8, '0')}`,
    Subject: `Case ${n}`,
    StatusId: NEW,
    Priority: n % 3,
    IsClosed: false,
    ...extra,
  } as EntityRecord;
}

export function caseId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'store-test-'));
  return { dir: join(root, 'nested', 'creatio'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function open(dir: string, extra: Partial<DataStoreOptions> = {}): Promise<DurableDataStore> {
  return openDataStore({ dir, model: MODEL, seed, durability: 'none', ...extra }) as Promise<DurableDataStore>;
}

export function ids(store: DataStore, entity = 'Case'): string[] {
  return [...(store.table(entity)?.all() ?? [])].map((r) => r.Id as string);
}
