import { describe, expect, it } from 'vitest';
import { ODataHttpError } from '../odata/odata-error';
import {
  ACTIVITY_CATEGORY, ACTIVITY_PRIORITY, ACTIVITY_STATUS, ACTIVITY_TYPE, CASE_ORIGIN, CASE_PRIORITY, CASE_STATUS,
} from '../schema/constants';
import { SCHEMA } from '../schema/entities/index';
import { EMPTY_DATE, EMPTY_GUID, type EntityRecord } from '../schema/schema.types';
import { createSeed, SEED_CASE, SEED_CONTACT } from '../schema/seed';
import { prepareInsert, prepareUpdate } from './prepare-record';
import { testContext } from './test-tables';

const SEED_NOW = '2026-09-01T08:00:00.0000000Z';
const NOW = '2026-09-15T10:30:00.1234567Z';
const USER = SEED_CONTACT.AliceMorgan;

function ctx() {
  return testContext(SCHEMA, createSeed(SEED_NOW), { now: NOW, userContactId: USER });
}

/** Runs `fn`, expecting an ODataHttpError; returns it for closer checks. */
function failure(fn: () => unknown): ODataHttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ODataHttpError) return error;
    throw error;
  }
  throw new Error('expected an ODataHttpError, nothing was thrown');
}

function seedCase(id: string): EntityRecord {
  const record = ctx().table('Case')?.get(id);
  if (!record) throw new Error(`seed case ${id} missing`);
  return record;
}

describe('prepareInsert', () => {
  it('fills every column of a Case: defaults, sequence, system columns', () => {
    const record = prepareInsert(ctx(), 'Case', { Subject: 'Printer on fire' });
    const columns = SCHEMA.entity('Case')!.columns.map((c) => c.name);
    expect(Object.keys(record).sort()).toEqual([...columns].sort());
    expect(record).toMatchObject({
      Id: '00000000-0000-4000-8000-000000000001',
      Number: 'SR00000001',
      Subject: 'Printer on fire',
      RegisteredOn: NOW,
      StatusId: CASE_STATUS.New,
      PriorityId: CASE_PRIORITY.Medium,
      OriginId: CASE_ORIGIN.Call,
      OwnerId: EMPTY_GUID,
      ClosureDate: EMPTY_DATE,
      Symptoms: '',
      ResponseOverdue: false,
      SolutionRemains: 0,
      CreatedOn: NOW,
      ModifiedOn: NOW,
      CreatedById: USER,
      ModifiedById: USER,
      ProcessListeners: 0,
    });
  });

  it('applies the Activity defaults (reference §3.4)', () => {
    const record = prepareInsert(ctx(), 'Activity', { Title: 'Call back' });
    expect(record).toMatchObject({
      StartDate: NOW, DueDate: NOW, AuthorId: USER, OwnerId: USER, TypeId: ACTIVITY_TYPE.Task,
      ActivityCategoryId: ACTIVITY_CATEGORY.ToDo, StatusId: ACTIVITY_STATUS.NotStarted,
      PriorityId: ACTIVITY_PRIORITY.Medium, MessageTypeId: EMPTY_GUID, DurationInMinutes: 0, IsHtmlBody: false,
    });
  });

  it('normalises GUIDs to lowercase and dates to the canonical UTC form', () => {
    const record = prepareInsert(ctx(), 'Case', {
      Id: 'ABCDEF01-2345-4678-9ABC-DEF012345678',
      Subject: 'x',
      ContactId: SEED_CONTACT.MariaLopez.toUpperCase(),
      ResponseDate: '2026-09-15T06:00:00+02:00',
      SolutionDate: '2026-09-16',
    });
    expect(record.Id).toBe('abcdef01-2345-4678-9abc-def012345678');
    expect(record.ContactId).toBe(SEED_CONTACT.MariaLopez);
    expect(record.ResponseDate).toBe('2026-09-15T04:00:00.0000000Z');
    expect(record.SolutionDate).toBe('2026-09-16T00:00:00.0000000Z');
  });

  it('ignores system columns and annotations in the body', () => {
    const record = prepareInsert(ctx(), 'Case', {
      '@odata.context': 'http://x/0/odata/$metadata#Case/$entity',
      Subject: 'x',
      'Subject@odata.type': '#String',
      Number: 'SR99999999',
      CreatedOn: '2001-01-01T00:00:00Z',
      CreatedById: SEED_CONTACT.ChenWei,
      ProcessListeners: 7,
    });
    expect(record).toMatchObject({ Number: 'SR00000001', CreatedOn: NOW, CreatedById: USER, ProcessListeners: 0 });
  });

  it('rejects a body that is not a JSON object', () => {
    for (const body of [[], 'Subject', 42, null]) {
      const error = failure(() => prepareInsert(ctx(), 'Case', body));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/A 'StartObject' node was expected\.$/);
    }
  });

  it('rejects an undeclared property with the ASP.NET OData wording', () => {
    const error = failure(() => prepareInsert(ctx(), 'Case', { Subject: 'x', Foo: 1 }));
    expect(error.status).toBe(400);
    expect(error.toBody().error).toMatchObject({
      code: '',
      message:
        "The property 'Foo' does not exist on type 'Terrasoft.Configuration.OData.Case'. Make sure to only use property names that are defined by the type.",
    });
    expect(failure(() => prepareInsert(ctx(), 'Case', { 'Foo@odata.type': '#x' })).message).toContain("'Foo'");
  });

  it('rejects a navigation property in a write body, naming it and its XxxId', () => {
    for (const body of [{ Status: CASE_STATUS.New }, { 'Status@odata.bind': `CaseStatus(${CASE_STATUS.New})` }]) {
      const error = failure(() => prepareInsert(ctx(), 'Case', { Subject: 'x', ...body }));
      expect(error.status).toBe(400);
      expect(error.message).toContain("'Status'");
      expect(error.message).toContain("'StatusId'");
    }
  });

  it.each([
    ['Activity', 'DurationInMinutes', '30', 'Edm.Int32'],
    ['Activity', 'DurationInMinutes', 1.5, 'Edm.Int32'],
    ['Activity', 'DurationInMinutes', 2 ** 31, 'Edm.Int32'],
    ['Activity', 'IsHtmlBody', 'true', 'Edm.Boolean'],
    ['Activity', 'CaseId', 42, 'Edm.Guid'],
    ['Activity', 'CaseId', 'not-a-guid', 'Edm.Guid'],
    ['Activity', 'CaseId', `'${SEED_CASE.PortalLogin}'`, 'Edm.Guid'],
    ['Activity', 'SendDate', '15/09/2026', 'Edm.DateTimeOffset'],
    ['Activity', 'SendDate', '2026-02-30T00:00:00Z', 'Edm.DateTimeOffset'],
    ['Activity', 'SendDate', 1_700_000_000_000, 'Edm.DateTimeOffset'],
    ['Activity', 'Body', { html: 'x' }, 'Edm.String'],
    ['Activity', 'Body', 12, 'Edm.String'],
    ['Case', 'SolutionRemains', 'twelve', 'Edm.Decimal'],
  ])('rejects %s.%s = %j (wrong type or malformed)', (entity, property, value, type) => {
    const required = entity === 'Case' ? { Subject: 's' } : { Title: 't' };
    const error = failure(() => prepareInsert(ctx(), entity, { ...required, [property]: value }));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`'${property}'`);
    expect(error.message).toContain(`'${type}'`);
  });

  it('accepts a Decimal as a number or, IEEE754Compatible, as a numeric string', () => {
    expect(prepareInsert(ctx(), 'Case', { Subject: 's', SolutionRemains: '12.5' }).SolutionRemains).toBe(12.5);
    expect(prepareInsert(ctx(), 'Case', { Subject: 's', SolutionRemains: -3 }).SolutionRemains).toBe(-3);
  });

  it('rejects text longer than the column, accepts exactly the maximum', () => {
    expect(prepareInsert(ctx(), 'Case', { Subject: 'a'.repeat(500) }).Subject).toHaveLength(500);
    const error = failure(() => prepareInsert(ctx(), 'Case', { Subject: 'a'.repeat(501) }));
    expect(error.status).toBe(400);
    expect(error.message).toBe("The value of the property 'Subject' is 501 characters long; the column allows at most 500.");
  });

  it('stores null as the empty value for nullable columns, rejects it for numbers and booleans', () => {
    const record = prepareInsert(ctx(), 'Activity', { Title: 't', CaseId: null, SendDate: null, Body: null });
    expect(record).toMatchObject({ CaseId: EMPTY_GUID, SendDate: EMPTY_DATE, Body: '' });
    const error = failure(() => prepareInsert(ctx(), 'Activity', { Title: 't', DurationInMinutes: null }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("property named 'DurationInMinutes'");
  });

  it("reports a missing required column as Creatio does: 'Column X is required'", () => {
    for (const body of [{}, { Subject: '' }, { Subject: null }]) {
      const error = failure(() => prepareInsert(ctx(), 'Case', body));
      expect(error.status).toBe(400);
      expect(error.toBody()).toEqual({ error: { code: '', message: 'Column Subject is required' } });
    }
    const status = failure(() => prepareInsert(ctx(), 'Case', { Subject: 's', StatusId: null }));
    expect(status.message).toBe('Column Status is required');
  });

  it('answers a lookup to a missing record with the database FK error (500)', () => {
    const error = failure(() =>
      prepareInsert(ctx(), 'Case', { Subject: 's', ContactId: '11111111-2222-4333-8444-555555555555' }),
    );
    expect(error.status).toBe(500);
    expect(error.toBody()).toEqual({
      error: {
        code: '',
        message: 'An error has occurred.',
        innererror: {
          message: '23503: insert or update on table "Case" violates foreign key constraint "FKCaseContactContactId"',
          type: 'Npgsql.PostgresException',
          stacktrace: '',
        },
      },
    });
  });

  it('lets a record point at itself, and accepts the zero GUID as an empty lookup', () => {
    const id = 'aaaaaaaa-0000-4000-8000-000000000001';
    expect(prepareInsert(ctx(), 'Case', { Id: id, Subject: 's', ParentCaseId: id }).ParentCaseId).toBe(id);
    expect(prepareInsert(ctx(), 'Case', { Subject: 's', OwnerId: EMPTY_GUID }).OwnerId).toBe(EMPTY_GUID);
  });

  it('generates an Id when the body gives none, null or the zero GUID, rejects a malformed one', () => {
    const c = ctx();
    expect(prepareInsert(c, 'Case', { Subject: 's', Id: null }).Id).toBe('00000000-0000-4000-8000-000000000001');
    expect(prepareInsert(c, 'Case', { Subject: 's', Id: EMPTY_GUID }).Id).toBe('00000000-0000-4000-8000-000000000002');
    expect(failure(() => prepareInsert(c, 'Case', { Subject: 's', Id: 'x' })).message).toContain("'Id'");
  });
});

describe('prepareUpdate', () => {
  it('changes only the body columns plus ModifiedOn/ModifiedById', () => {
    const existing = seedCase(SEED_CASE.InvoiceCopy);
    const record = prepareUpdate(ctx(), 'Case', existing, { Notes: 'called back', OwnerId: SEED_CONTACT.ChenWei });
    expect(record).toEqual({
      ...existing, Notes: 'called back', OwnerId: SEED_CONTACT.ChenWei, ModifiedOn: NOW, ModifiedById: USER,
    });
    expect(existing.ModifiedOn).toBe(SEED_NOW);
  });

  it('ignores system columns and accepts the record own Id (any case), rejects a different Id', () => {
    const existing = seedCase(SEED_CASE.InvoiceCopy);
    const record = prepareUpdate(ctx(), 'Case', existing, {
      Id: SEED_CASE.InvoiceCopy.toUpperCase(), Number: 'SR1', CreatedOn: NOW,
    });
    expect(record).toMatchObject({ Id: SEED_CASE.InvoiceCopy, Number: 'SR00000002', CreatedOn: SEED_NOW });
    const error = failure(() => prepareUpdate(ctx(), 'Case', existing, { Id: SEED_CASE.PortalLogin }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("'Id'");
  });

  it('applies the same value rules as insert', () => {
    const existing = seedCase(SEED_CASE.InvoiceCopy);
    expect(failure(() => prepareUpdate(ctx(), 'Case', existing, { Subject: '' })).message).toBe('Column Subject is required');
    expect(failure(() => prepareUpdate(ctx(), 'Case', existing, { Bar: 1 })).message).toContain("'Bar'");
    expect(failure(() => prepareUpdate(ctx(), 'Case', existing, { Owner: USER })).status).toBe(400);
    expect(failure(() => prepareUpdate(ctx(), 'Case', existing, { ResponseOverdue: 'yes' })).status).toBe(400);
    const fk = failure(() => prepareUpdate(ctx(), 'Case', existing, { GroupId: '11111111-2222-4333-8444-555555555555' }));
    expect(fk.status).toBe(500);
    expect(fk.inner?.message).toContain('"FKCaseSysAdminUnitGroupId"');
  });

  it('checks only the lookups the body changes', () => {
    const c = ctx();
    const existing = { ...seedCase(SEED_CASE.InvoiceCopy), OwnerId: '99999999-0000-4000-8000-000000000000' };
    expect(prepareUpdate(c, 'Case', existing, { Notes: 'n' }).OwnerId).toBe(existing.OwnerId);
    expect(prepareUpdate(c, 'Case', existing, { OwnerId: existing.OwnerId.toUpperCase() }).Notes).toBe('');
  });

  it('blocks a status change out of a final status, allows other changes (reference §3.2)', () => {
    const c = ctx();
    for (const [status, name] of [[CASE_STATUS.Closed, 'Closed'], [CASE_STATUS.Cancelled, 'Cancelled']] as const) {
      const closed = { ...seedCase(SEED_CASE.PortalLogin), StatusId: status };
      const error = failure(() => prepareUpdate(c, 'Case', closed, { StatusId: CASE_STATUS.InProgress }));
      expect(error.status).toBe(400);
      expect(error.message).toBe(`The case is in the final status '${name}' and its status cannot be changed.`);
      expect(prepareUpdate(c, 'Case', closed, { StatusId: status.toUpperCase(), Notes: 'n' }).Notes).toBe('n');
    }
    const resolved = { ...seedCase(SEED_CASE.PortalLogin), StatusId: CASE_STATUS.Resolved };
    expect(prepareUpdate(c, 'Case', resolved, { StatusId: CASE_STATUS.Closed }).StatusId).toBe(CASE_STATUS.Closed);
  });

  it('reads final statuses from the data, not from constants', () => {
    const c = ctx();
    const onHold = 'c0ffee00-0000-4000-8000-000000000001';
    const status = c.table('CaseStatus')!.get(CASE_STATUS.New)!;
    c.put('CaseStatus', { ...status, Id: onHold, Name: 'Archived', IsFinal: true });
    const archived = { ...seedCase(SEED_CASE.PortalLogin), StatusId: onHold };
    expect(failure(() => prepareUpdate(c, 'Case', archived, { StatusId: CASE_STATUS.New })).message).toContain("'Archived'");
  });
});
