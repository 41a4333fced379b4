import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: writes and reads of single records (reference/creatio-api.md §1.4, §1.5, §3).
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const EMPTY_DATE = '0001-01-01T00:00:00Z';
const SUPERVISOR_CONTACT = '410006e1-ca4e-4502-a9ec-e54d922d2c00';
const STATUS = { New: 'ae5f2f10-f46b-1410-fd9a-0050ba5d6c38', Resolved: 'ae7f411e-f46b-1410-009b-0050ba5d6c38', Closed: '3e7f420c-f46b-1410-fc9a-0050ba5d6c38' };
const ACTIVITY = { Task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6', Email: 'e2831dec-cfc0-df11-b00f-001d60e938c6', NotStarted: '384d4b84-58e6-df11-971b-001d60e938c6', ToDo: 'f51c4643-58e6-df11-971b-001d60e938c6' };
const ISO7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

describe('POST', () => {
  it('creates a Case: 201, full entity, @odata.context, Location, server defaults', async () => {
    const reply = await client.post('Case', { Subject: 'Printer on fire' });
    expect(reply.status).toBe(201);
    const c = reply.json;
    expect(c['@odata.context']).toBe(`${t.url}/0/odata/$metadata#Case/$entity`);
    expect(reply.headers.get('location')).toBe(`${t.url}/0/odata/Case(${c.Id})`);
    expect(c.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(c.Number).toMatch(/^SR\d{8}$/);
    expect(c.Subject).toBe('Printer on fire');
    expect(c.StatusId).toBe(STATUS.New);
    expect(c.RegisteredOn).toMatch(ISO7);
    expect(c.CreatedOn).toMatch(ISO7);
    expect(c.ModifiedOn).toBe(c.CreatedOn);
    expect(c.CreatedById).toBe(SUPERVISOR_CONTACT);
    expect(c.ModifiedById).toBe(SUPERVISOR_CONTACT);
    expect(c.OwnerId).toBe(EMPTY_GUID);
    expect(c.GroupId).toBe(EMPTY_GUID);
    expect(c.ClosureDate).toBe(EMPTY_DATE);
    expect(c.Symptoms).toBe('');
    expect(c).not.toHaveProperty('Status');
  });

  it('numbers cases in sequence', async () => {
    const a = (await client.post('Case', { Subject: 'one' })).json.Number as string;
    const b = (await client.post('Case', { Subject: 'two' })).json.Number as string;
    expect(Number(b.slice(2))).toBe(Number(a.slice(2)) + 1);
  });

  it('creates an Activity with Creatio defaults (Task, Not started, To do)', async () => {
    const caseId = (await client.post('Case', { Subject: 'with activity' })).json.Id;
    const reply = await client.post('Activity', { Title: 'Customer wrote', CaseId: caseId, Body: 'Hello' });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      Title: 'Customer wrote', CaseId: caseId, TypeId: ACTIVITY.Task, StatusId: ACTIVITY.NotStarted,
      ActivityCategoryId: ACTIVITY.ToDo, OwnerId: SUPERVISOR_CONTACT, AuthorId: SUPERVISOR_CONTACT, IsHtmlBody: false,
    });
    expect(reply.json.StartDate).toMatch(ISO7);
  });

  it('accepts a client-chosen Id, and the same Id twice is a database error', async () => {
    const id = 'a1b2c3d4-0000-4000-8000-00000000abcd';
    expect((await client.post('Case', { Id: id, Subject: 'mine' })).json.Id).toBe(id);
    const again = await client.post('Case', { Id: id, Subject: 'mine again' });
    expect(again.status).toBe(500);
    expect(again.json.error.message).toBe('An error has occurred.');
    expect(again.json.error.innererror.message).toMatch(/duplicate key/);
  });

  it('stores GUIDs in lowercase', async () => {
    const reply = await client.post('Case', { Subject: 'upper', StatusId: STATUS.Resolved.toUpperCase() });
    expect(reply.json.StatusId).toBe(STATUS.Resolved);
  });
});

describe('GET by key', () => {
  it('answers the entity with @odata.context .../$entity', async () => {
    const id = (await client.post('Contact', { Name: 'Ada Lovelace', Email: 'ada@example.com' })).json.Id;
    const reply = await client.get(`Contact(${id})`);
    expect(reply.status).toBe(200);
    expect(reply.json['@odata.context']).toBe(`${t.url}/0/odata/$metadata#Contact/$entity`);
    expect(reply.json).toMatchObject({ Id: id, Name: 'Ada Lovelace', Email: 'ada@example.com' });
  });

  it('reads one property and its raw $value', async () => {
    const id = (await client.post('Case', { Subject: 'property read' })).json.Id;
    expect((await client.get(`Case(${id})/Subject`)).json.value).toBe('property read');
    expect((await client.get(`Case(${id})/Subject/$value`)).text).toBe('property read');
  });

  it('is 404 for a missing key and 400 for a quoted or OData 3 key', async () => {
    expect((await client.get('Case(0b0b0b0b-0000-4000-8000-000000000000)')).status).toBe(404);
    expect((await client.get("Case('0b0b0b0b-0000-4000-8000-000000000000')")).status).toBe(400);
    expect((await client.get("Case(guid'0b0b0b0b-0000-4000-8000-000000000000')")).status).toBe(400);
  });

  it('is 404 with a Creatio-shaped body for an unknown collection', async () => {
    const reply = await client.get('Cases');
    expect(reply.status).toBe(404);
    expect(reply.json.error.code).toBe('');
  });
});

describe('PATCH', () => {
  it('answers 204 with no body, changes the columns and ModifiedOn', async () => {
    const created = (await client.post('Case', { Subject: 'to change' })).json;
    t.clock.advance(5_000);
    const reply = await client.patch(`Case(${created.Id})`, { Subject: 'changed', StatusId: STATUS.Resolved });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const after = (await client.get(`Case(${created.Id})`)).json;
    expect(after.Subject).toBe('changed');
    expect(after.StatusId).toBe(STATUS.Resolved);
    expect(after.CreatedOn).toBe(created.CreatedOn);
    expect(after.ModifiedOn > created.ModifiedOn).toBe(true);
    expect(after.Number).toBe(created.Number);
  });

  it('is 404 for a missing key', async () => {
    expect((await client.patch('Case(0b0b0b0b-0000-4000-8000-000000000000)', { Subject: 'x' })).status).toBe(404);
  });

  it('cannot move a case out of a final status (Closed)', async () => {
    const id = (await client.post('Case', { Subject: 'closing', StatusId: STATUS.Closed })).json.Id;
    const reply = await client.patch(`Case(${id})`, { StatusId: STATUS.New });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.json.error.message).toMatch(/final/i);
    expect((await client.get(`Case(${id})`)).json.StatusId).toBe(STATUS.Closed);
    expect((await client.patch(`Case(${id})`, { Notes: 'still editable' })).status).toBe(204);
  });
});

describe('DELETE', () => {
  it('answers 204, then the record is gone (404)', async () => {
    const id = (await client.post('Contact', { Name: 'Temp' })).json.Id;
    const reply = await client.delete(`Contact(${id})`);
    expect(reply.status).toBe(204);
    expect((await client.get(`Contact(${id})`)).status).toBe(404);
    expect((await client.delete(`Contact(${id})`)).status).toBe(404);
  });

  it('refuses to delete a record others point at, with the database error', async () => {
    const caseId = (await client.post('Case', { Subject: 'referenced' })).json.Id;
    await client.post('Activity', { Title: 'points at the case', CaseId: caseId });
    const reply = await client.delete(`Case(${caseId})`);
    expect(reply.status).toBe(500);
    expect(reply.json.error.innererror.message).toMatch(/foreign key/);
  });
});

describe('methods', () => {
  it('answers 405 with Allow for PUT', async () => {
    const id = (await client.post('Case', { Subject: 'put' })).json.Id;
    const reply = await client.request(`Case(${id})`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toContain('PATCH');
  });
});
