import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, q, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: query options (reference/creatio-api.md §1.3, §1.4, facts 2 and 4).
const STATUS = { New: 'ae5f2f10-f46b-1410-fd9a-0050ba5d6c38', InProgress: '7e9f1204-f46b-1410-fb9a-0050ba5d6c38', Resolved: 'ae7f411e-f46b-1410-009b-0050ba5d6c38' };
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

let t: TestSite;
let client: CreatioClient;
const ids: Record<string, string> = {};

async function create(entity: string, body: Record<string, unknown>): Promise<string> {
  const reply = await client.post(entity, body);
  if (reply.status !== 201) throw new Error(`${entity}: ${reply.status} ${reply.text}`);
  return reply.json.Id as string;
}

beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
  ids.account = await create('Account', { Name: 'Query Co' });
  ids.alice = await create('Contact', { Name: 'Alice Query', Email: 'alice@query.test', AccountId: ids.account });
  ids.bob = await create('Contact', { Name: "Bob O'Query", Email: 'bob@query.test' });
  ids.c1 = await create('Case', { Subject: 'QRY alpha printer', ContactId: ids.alice, StatusId: STATUS.New, SolutionRemains: 1.5 });
  t.clock.advance(1000);
  ids.c2 = await create('Case', { Subject: 'QRY beta Printer jam', ContactId: ids.bob, StatusId: STATUS.InProgress, SolutionRemains: 3 });
  t.clock.advance(1000);
  ids.c3 = await create('Case', { Subject: 'QRY gamma login', ContactId: ids.alice, StatusId: STATUS.Resolved, SolutionRemains: -2 });
  for (let i = 0; i < 5; i++) {
    t.clock.advance(1000);
    await create('Activity', { Title: `QRY message ${i}`, CaseId: ids.c1 });
  }
});
afterAll(() => t.cleanup());

async function subjects(filter: string, extra = '&$orderby=Subject'): Promise<string[]> {
  const reply = await client.get(`Case?$filter=${q(`startswith(Subject,'QRY') and (${filter})`)}${extra}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.json.value.map((c: { Subject: string }) => c.Subject.split(' ')[1]);
}

describe('$filter', () => {
  it('compares with eq ne gt ge lt le on numbers', async () => {
    expect(await subjects('SolutionRemains eq 3')).toEqual(['beta']);
    expect(await subjects('SolutionRemains ne 3')).toEqual(['alpha', 'gamma']);
    expect(await subjects('SolutionRemains gt 1.5')).toEqual(['beta']);
    expect(await subjects('SolutionRemains ge 1.5')).toEqual(['alpha', 'beta']);
    expect(await subjects('SolutionRemains lt 1.5')).toEqual(['gamma']);
    expect(await subjects('SolutionRemains le -2')).toEqual(['gamma']);
  });

  it('combines with and, or, not and parentheses', async () => {
    expect(await subjects(`StatusId eq ${STATUS.New} or StatusId eq ${STATUS.Resolved}`)).toEqual(['alpha', 'gamma']);
    expect(await subjects(`not (StatusId eq ${STATUS.New})`)).toEqual(['beta', 'gamma']);
    expect(await subjects(`(StatusId eq ${STATUS.New} or StatusId eq ${STATUS.InProgress}) and SolutionRemains gt 2`)).toEqual(['beta']);
  });

  it('has contains, startswith, endswith, tolower, toupper', async () => {
    expect(await subjects("contains(Subject,'rinter')")).toEqual(['alpha', 'beta']);
    expect(await subjects("endswith(Subject,'login')")).toEqual(['gamma']);
    expect(await subjects("contains(tolower(Subject),'printer jam')")).toEqual(['beta']);
    expect(await subjects("toupper(Subject) eq 'QRY GAMMA LOGIN'")).toEqual(['gamma']);
  });

  it('takes unquoted GUIDs and dates, and escaped quotes in strings', async () => {
    expect(await subjects(`ContactId eq ${ids.alice}`)).toEqual(['alpha', 'gamma']);
    const c2 = (await client.get(`Case(${ids.c2})`)).json;
    expect(await subjects(`CreatedOn ge ${c2.CreatedOn}`)).toEqual(['beta', 'gamma']);
    expect(await subjects('CreatedOn gt 2000-01-01T00:00:00Z')).toEqual(['alpha', 'beta', 'gamma']);
    const bob = await client.get(`Contact?$filter=${q("Name eq 'Bob O''Query'")}`);
    expect(bob.json.value.map((c: { Id: string }) => c.Id)).toEqual([ids.bob]);
  });

  it('follows navigation paths, one level and several', async () => {
    expect(await subjects("Status/Name eq 'Resolved'")).toEqual(['gamma']);
    expect(await subjects(`Contact/Id eq ${ids.bob}`)).toEqual(['beta']);
    expect(await subjects("Contact/Account/Name eq 'Query Co'")).toEqual(['alpha', 'gamma']);
    expect(await subjects('Status/IsResolved eq true')).toEqual(['gamma']);
  });

  it('treats an empty lookup as null', async () => {
    expect(await subjects('OwnerId eq null')).toEqual(['alpha', 'beta', 'gamma']);
    // Creatio stores an empty lookup as NULL: comparing with the zero GUID matches nothing (docs/fidelity.md).
    expect(await subjects(`OwnerId eq ${EMPTY_GUID}`)).toEqual([]);
    expect(await subjects('ContactId ne null')).toEqual(['alpha', 'beta', 'gamma']);
  });
});

describe('$select, $expand', () => {
  it('returns only the selected properties', async () => {
    const reply = await client.get(`Case(${ids.c1})?$select=Subject,Number`);
    expect(Object.keys(reply.json).filter((k) => !k.startsWith('@')).sort()).toEqual(['Number', 'Subject']);
  });

  it('expands a lookup with a nested $select', async () => {
    const reply = await client.get(`Case?$filter=${q(`Id eq ${ids.c3}`)}&$select=Subject&$expand=Status($select=Name,IsResolved),Contact($select=Name)`);
    expect(reply.json.value).toEqual([{ Subject: 'QRY gamma login', Status: { Name: 'Resolved', IsResolved: true }, Contact: { Name: 'Alice Query' } }]);
  });

  it('expands an empty lookup as null and nests expands', async () => {
    const reply = await client.get(`Case(${ids.c1})?$select=Id&$expand=Owner,Contact($select=Name;$expand=Account($select=Name))`);
    expect(reply.json.Owner).toBeNull();
    expect(reply.json.Contact).toEqual({ Name: 'Alice Query', Account: { Name: 'Query Co' } });
  });
});

describe('$orderby, $top, $skip, $count', () => {
  it('orders by several keys, asc and desc', async () => {
    const reply = await client.get(`Case?$filter=${q("startswith(Subject,'QRY')")}&$orderby=ContactId asc,CreatedOn desc&$select=Subject,ContactId`);
    const rows = reply.json.value as { Subject: string; ContactId: string }[];
    const expected = [...rows].sort((a, b) => (a.ContactId < b.ContactId ? -1 : a.ContactId > b.ContactId ? 1 : 0));
    expect(rows.map((r) => r.ContactId)).toEqual(expected.map((r) => r.ContactId));
    const alice = rows.filter((r) => r.ContactId === ids.alice).map((r) => r.Subject.split(' ')[1]);
    expect(alice).toEqual(['gamma', 'alpha']);
  });

  it('pages with $top and $skip and counts with $count=true', async () => {
    const path = `Activity?$filter=${q(`CaseId eq ${ids.c1}`)}&$orderby=CreatedOn&$select=Title`;
    const page = await client.get(`${path}&$top=2&$skip=1&$count=true`);
    expect(page.json['@odata.count']).toBe(5);
    expect(page.json.value.map((a: { Title: string }) => a.Title)).toEqual(['QRY message 1', 'QRY message 2']);
    const countOnly = await client.get(`${path}&$count=true&$top=0`);
    expect(countOnly.json).toMatchObject({ '@odata.count': 5, value: [] });
  });

  it('answers /$count as a bare number', async () => {
    const reply = await client.get(`Activity/$count?$filter=${q(`CaseId eq ${ids.c1}`)}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/plain/);
    expect(reply.text).toBe('5');
  });

  it('puts the selected columns in the context URL', async () => {
    const reply = await client.get('CaseStatus?$select=Id,Name');
    expect(reply.json['@odata.context']).toBe(`${t.url}/0/odata/$metadata#CaseStatus(Id,Name)`);
    expect(reply.json.value.map((s: { Name: string }) => s.Name)).toEqual(expect.arrayContaining(['New', 'Resolved', 'Closed']));
  });
});
