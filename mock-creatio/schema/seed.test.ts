import { describe, expect, it } from 'vitest';
import { prepareInsert } from '../records/prepare-record';
import { testContext } from '../records/test-tables';
import {
  ACCOUNT, CASE_STATUS, CONTACT_TYPE, SUPERVISOR_CONTACT_ID, SYS_ADMIN_UNIT, SYS_ADMIN_UNIT_TYPE,
} from './constants';
import { ENTITIES, SCHEMA } from './entities/index';
import { EMPTY_GUID, type EntityRecord } from './schema.types';
import { isGuid } from './values';
import { createSeed, SEED_SEQUENCES, SEED_USERS } from './seed';

const NOW = '2026-09-01T08:00:00.0000000Z';
const seed = createSeed(NOW);
const rows = (entity: string): EntityRecord[] => seed[entity] ?? [];
const byId = (entity: string, id: string) => rows(entity).find((r) => r.Id === id);

describe('createSeed', () => {
  it('is deterministic and covers every entity', () => {
    expect(createSeed(NOW)).toEqual(seed);
    expect(Object.keys(seed).sort()).toEqual(ENTITIES.map((e) => e.name).sort());
    for (const def of ENTITIES) expect(rows(def.name).length, def.name).toBeGreaterThan(0);
  });

  it('gives every record every column of its entity, with unique lowercase Ids', () => {
    for (const def of ENTITIES) {
      const ids = new Set<string>();
      for (const record of rows(def.name)) {
        expect(Object.keys(record).sort(), `${def.name} ${record.Id}`).toEqual(def.columns.map((c) => c.name).sort());
        const id = String(record.Id);
        expect(isGuid(id) && id === id.toLowerCase(), id).toBe(true);
        ids.add(id);
        expect(record).toMatchObject({ CreatedOn: NOW, ModifiedOn: NOW, CreatedById: SUPERVISOR_CONTACT_ID, ProcessListeners: 0 });
      }
      expect(ids.size).toBe(rows(def.name).length);
    }
  });

  it('passes the write rules: each record inserted through prepareInsert comes out unchanged', () => {
    const ctx = testContext(SCHEMA, seed, { now: NOW, userContactId: SUPERVISOR_CONTACT_ID });
    for (const def of ENTITIES) {
      for (const record of rows(def.name)) {
        const body = Object.fromEntries(
          Object.entries(record).filter(([name]) => !SCHEMA.column(def.name, name)?.system),
        );
        const { Number: _ignored, ...inserted } = prepareInsert(ctx, def.name, body);
        const { Number: _seeded, ...expected } = record;
        expect(inserted, `${def.name} ${record.Id}`).toEqual(expected);
      }
    }
  });

  it('resolves every lookup, system columns included, inside the seed', () => {
    for (const def of ENTITIES) {
      for (const col of def.columns) {
        if (!col.lookup) continue;
        for (const record of rows(def.name)) {
          const value = String(record[col.name]);
          if (value === EMPTY_GUID) continue;
          expect(byId(col.lookup.entity, value), `${def.name}.${col.name} → ${value}`).toBeDefined();
        }
      }
    }
  });

  it('flags the case statuses as reference §3.2 says', () => {
    const flags = (id: string) => {
      const s = byId('CaseStatus', id);
      return [s?.IsFinal, s?.IsResolved, s?.IsPaused];
    };
    expect(rows('CaseStatus')).toHaveLength(7);
    expect(flags(CASE_STATUS.Closed)).toEqual([true, false, false]);
    expect(flags(CASE_STATUS.Cancelled)).toEqual([true, false, false]);
    expect(flags(CASE_STATUS.Resolved)).toEqual([false, true, false]);
    expect(flags(CASE_STATUS.WaitingForResponse)).toEqual([false, false, true]);
    for (const id of [CASE_STATUS.New, CASE_STATUS.InProgress, CASE_STATUS.Reopened]) {
      expect(flags(id)).toEqual([false, false, false]);
    }
  });

  it('seeds users whose contacts and SysAdminUnit records exist', () => {
    expect(SEED_USERS[0]).toMatchObject({ userName: 'Supervisor', password: 'Supervisor', contactId: SUPERVISOR_CONTACT_ID });
    expect(SEED_USERS).toHaveLength(4);
    for (const user of SEED_USERS) {
      expect(byId('Contact', user.contactId)?.TypeId).toBe(CONTACT_TYPE.Employee);
      expect(byId('SysAdminUnit', user.sysAdminUnitId)).toMatchObject({
        Name: user.userName, SysAdminUnitTypeValue: SYS_ADMIN_UNIT_TYPE.User, ContactId: user.contactId, Active: true,
      });
    }
    expect(byId('Contact', SUPERVISOR_CONTACT_ID)?.Name).toBe('Supervisor');
  });

  it('seeds the well-known roles, support groups, accounts and customers', () => {
    const names = (entity: string) => rows(entity).map((r) => r.Name);
    expect(names('SysAdminUnit')).toEqual(
      expect.arrayContaining(['System administrators', 'All employees', 'Portal users', '1st-line support', '2nd-line support']),
    );
    expect(byId('SysAdminUnit', SYS_ADMIN_UNIT.FirstLineSupport)?.Name).toBe('1st-line support');
    expect(byId('Account', ACCOUNT.OurCompany)?.Name).toBe('Our company');
    expect(byId('Account', ACCOUNT.Accom)?.Name).toBe('Accom (sample)');
    expect(rows('Account')).toHaveLength(3);
    const customers = rows('Contact').filter((c) => c.TypeId === CONTACT_TYPE.Customer);
    expect(customers.length).toBeGreaterThanOrEqual(4);
    expect(customers.length).toBeLessThanOrEqual(6);
    for (const c of customers) expect(c.Email !== '' && c.Phone !== '', String(c.Name)).toBe(true);
  });

  it('numbers the sample cases within SEED_SEQUENCES', () => {
    const numbers = rows('Case').map((c) => String(c.Number));
    expect(numbers).toEqual(['SR00000001', 'SR00000002']);
    expect(SEED_SEQUENCES.Case?.Number).toBe(2);
    expect(rows('Activity').every((a) => byId('Case', String(a.CaseId)))).toBe(true);
  });
});
