import { EMPTY_DATE, EMPTY_GUID, type FuzzColumn, type FuzzEdmType, type FuzzEntity, type FuzzRecord, type FuzzTable } from './fuzz-types';
import { createMemoryTable } from './memory-table';
import { createRng, type Rng } from './prng';

/**
 * A small Creatio-like schema and a seeded dataset for the OData tests: lookups (including a
 * self-reference and multi-level paths like Activity → Case → Contact), text, int, decimal, bool and
 * date columns, with empty lookups, dangling lookups, empty dates, mixed-case and quoted text.
 */
const col = (name: string, type: FuzzEdmType): FuzzColumn => ({ name, type });
const lookup = (name: string, entity: string): FuzzColumn => ({
  name, type: 'Edm.Guid', lookup: { nav: name.slice(0, -2), entity },
});

export const FUZZ_ENTITIES: readonly FuzzEntity[] = [
  {
    name: 'CaseStatus', displayColumn: 'Name',
    columns: [col('Id', 'Edm.Guid'), col('Name', 'Edm.String'), col('IsFinal', 'Edm.Boolean'), col('StageNumber', 'Edm.Int32')],
  },
  {
    name: 'Contact', displayColumn: 'Name',
    columns: [
      col('Id', 'Edm.Guid'), col('Name', 'Edm.String'), col('Email', 'Edm.String'), col('Age', 'Edm.Int32'),
      col('Rating', 'Edm.Decimal'), col('BirthDate', 'Edm.DateTimeOffset'), col('IsActive', 'Edm.Boolean'),
      lookup('ManagerId', 'Contact'),
    ],
  },
  {
    name: 'Case', displayColumn: 'Number',
    columns: [
      col('Id', 'Edm.Guid'), col('Number', 'Edm.String'), col('Subject', 'Edm.String'),
      lookup('StatusId', 'CaseStatus'), lookup('ContactId', 'Contact'), lookup('OwnerId', 'Contact'),
      col('RegisteredOn', 'Edm.DateTimeOffset'), col('Priority', 'Edm.Int32'), col('SolutionRemains', 'Edm.Decimal'),
      col('ResponseOverdue', 'Edm.Boolean'), col('Notes', 'Edm.String'),
    ],
  },
  {
    name: 'Activity', displayColumn: 'Title',
    columns: [
      col('Id', 'Edm.Guid'), col('Title', 'Edm.String'), lookup('CaseId', 'Case'), lookup('OwnerId', 'Contact'),
      col('StartDate', 'Edm.DateTimeOffset'), col('DurationInMinutes', 'Edm.Int32'), col('IsHtmlBody', 'Edm.Boolean'),
      col('Body', 'Edm.String'), col('CreatedOn', 'Edm.DateTimeOffset'),
    ],
  },
];

export const WORDS = [
  'New', 'new', 'NEW', 'In progress', 'in PROGRESS', 'Waiting', "O'Brien", "it''s", 'Alpha beta', 'alpha', 'BETA',
  'Résumé', 'résumé', 'x', 'X', '', 'printer broken', 'Printer', 'call back', 'a/b', 'semi;colon', 'eq', 'and or',
];

export function randomGuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

/** Canonical date form (7 fraction digits, Z), written independently of mock-creatio/schema/values.ts. */
export function canonicalDate(ms: number, ticks = 0): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(ticks).padStart(4, '0')}Z`;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);

export function randomDate(rng: Rng): string {
  const ms = BASE + rng.int(-400, 400) * DAY + (rng.chance(0.3) ? 0 : rng.int(0, DAY - 1));
  return canonicalDate(ms, rng.chance(0.2) ? rng.int(0, 9999) : 0);
}

export interface FuzzDataset {
  readonly entities: readonly FuzzEntity[];
  readonly data: Readonly<Record<string, readonly FuzzRecord[]>>;
  tableOf(entity: string): (FuzzTable & { lookups: number }) | undefined;
}

function valueFor(rng: Rng, column: FuzzColumn, ids: Record<string, string[]>): string | number | boolean {
  if (column.lookup) {
    if (rng.chance(0.1)) return EMPTY_GUID;
    if (rng.chance(0.05)) return randomGuid(rng); // dangling: the target does not exist
    const pool = ids[column.lookup.entity] ?? [];
    return pool.length ? rng.pick(pool) : EMPTY_GUID;
  }
  switch (column.type) {
    case 'Edm.String': return rng.chance(0.7) ? rng.pick(WORDS) : `${rng.pick(WORDS)} ${rng.int(0, 99)}`;
    case 'Edm.Int32': return rng.int(-5, 50);
    case 'Edm.Decimal': return rng.int(-400, 4000) / 4;
    case 'Edm.Boolean': return rng.chance(0.5);
    case 'Edm.DateTimeOffset': return rng.chance(0.1) ? EMPTY_DATE : randomDate(rng);
    case 'Edm.Guid': return randomGuid(rng);
  }
}

/** Builds the dataset: sizes per entity, lookups pointing at earlier-created ids (plus self refs). */
export function createFuzzDataset(seed: number, sizes: Record<string, number> = {}): FuzzDataset {
  const rng = createRng(seed);
  const counts: Record<string, number> = { CaseStatus: 7, Contact: 40, Case: 100, Activity: 300, ...sizes };
  const ids: Record<string, string[]> = {};
  for (const def of FUZZ_ENTITIES) ids[def.name] = Array.from({ length: counts[def.name] ?? 0 }, () => randomGuid(rng));
  const data: Record<string, FuzzRecord[]> = {};
  for (const def of FUZZ_ENTITIES) {
    data[def.name] = (ids[def.name] ?? []).map((id) => {
      const record: FuzzRecord = {};
      for (const column of def.columns) record[column.name] = column.name === 'Id' ? id : valueFor(rng, column, ids);
      return record;
    });
  }
  const tables = new Map(FUZZ_ENTITIES.map((def) => [def.name, createMemoryTable(def, data[def.name] ?? [])]));
  return { entities: FUZZ_ENTITIES, data, tableOf: (entity) => tables.get(entity) };
}
