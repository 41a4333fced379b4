import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, q, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: errors in Creatio's shape and wording (reference/creatio-api.md §1.6, §1.3).
let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

const URI_INVALID = 'The query specified in the URI is not valid.';

function expectCreatioError(reply: { status: number; json: any }, status: number) { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(reply.status).toBe(status);
  expect(reply.json.error.code).toBe('');
  expect(typeof reply.json.error.message).toBe('string');
}

describe('unknown property', () => {
  const message = `${URI_INVALID} Could not find a property named 'Foo' on type 'Terrasoft.Configuration.OData.Case'.`;
  it.each([
    ['$select', '$select=Subject,Foo,Bar'],
    ['$filter', `$filter=${q("Foo eq 'x'")}`],
    ['$orderby', '$orderby=Foo desc'],
    ['$expand', '$expand=Foo'],
  ])('in %s is 400 with the exact message', async (_option, query) => {
    const reply = await client.get(`Case?${query}`);
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toBe(message);
    expect(reply.json.error.innererror).toEqual({
      message: "Could not find a property named 'Foo' on type 'Terrasoft.Configuration.OData.Case'.", type: '', stacktrace: '',
    });
  });
});

describe('quoted GUID or date', () => {
  it('GUID compared with a string is 400 incompatible types', async () => {
    const reply = await client.get(`Case?$filter=${q("StatusId eq 'ae7f411e-f46b-1410-009b-0050ba5d6c38'")}`);
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toBe(`${URI_INVALID} A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.`);
  });

  it('date compared with a string is 400 incompatible types', async () => {
    const reply = await client.get(`Case?$filter=${q("CreatedOn gt '2026-09-15T06:00:00Z'")}`);
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toBe(`${URI_INVALID} A binary operator with incompatible types was detected. Found operand types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThan'.`);
  });
});

describe('unsupported syntax is named, never ignored', () => {
  it.each([
    ['a lambda', "$filter=Activities/any(a: a/Title eq 'x')", /any/],
    ['the in operator', "$filter=Subject in ('a','b')", /\bin\b/],
    ['a function we lack', "$filter=length(Subject) eq 3", /length/],
    ['$search', '$search=printer', /\$search/],
    ['$apply', '$apply=groupby((StatusId))', /\$apply/],
    ['a nested $filter in $expand', "$expand=Status($filter=Name eq 'New')", /\$filter/],
  ])('%s is a 400 that names it', async (_what, query, pattern) => {
    const reply = await client.get(`Case?${query.replace(/ /g, '%20')}`);
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(pattern);
  });

  it('a syntax error is a 400, not a 500', async () => {
    for (const filter of ["Subject eq 'unterminated", 'Subject eq', '(Subject eq 1', 'eq eq eq', ")))"]) {
      const reply = await client.get(`Case?$filter=${q(filter)}`);
      expectCreatioError(reply, 400);
    }
  });

  it('the filter node limit of 100 is enforced', async () => {
    const filter = Array.from({ length: 60 }, (_, i) => `SolutionRemains eq ${i}`).join(' or ');
    const reply = await client.get(`Case?$filter=${q(filter)}`);
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(/node count limit of '100' has been exceeded/);
  });

  it('bad $top, $skip and $count values are 400', async () => {
    for (const query of ['$top=-1', '$top=abc', '$skip=1.5', '$count=yes', '$top=1&$top=2']) {
      expectCreatioError(await client.get(`Case?${query}`), 400);
    }
  });
});

describe('bad writes', () => {
  it('bad JSON is 400', async () => {
    const reply = await client.post('Case', '{"Subject": "broken",');
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(/^Invalid JSON\./);
  });

  it('a body that is not JSON is 415', async () => {
    const reply = await client.request('Case', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Subject=x' });
    expectCreatioError(reply, 415);
  });

  it('a missing required column is 400 naming it', async () => {
    const reply = await client.post('Case', { Symptoms: 'no subject' });
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(/Subject/);
    expect(reply.json.error.message).toMatch(/required/);
  });

  it('an unknown property in the body is 400', async () => {
    const reply = await client.post('Case', { Subject: 'x', Foo: 1 });
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(/'Foo' does not exist on type 'Terrasoft\.Configuration\.OData\.Case'/);
  });

  it('a wrong column type or a malformed GUID is 400 naming the property', async () => {
    const a = await client.post('Case', { Subject: 42 });
    expectCreatioError(a, 400);
    expect(a.json.error.message).toMatch(/Subject/);
    const b = await client.post('Case', { Subject: 'x', StatusId: 'not-a-guid' });
    expectCreatioError(b, 400);
    expect(b.json.error.message).toMatch(/StatusId/);
  });

  it('text longer than the column is 400', async () => {
    const reply = await client.post('Case', { Subject: 'x'.repeat(501) });
    expectCreatioError(reply, 400);
    expect(reply.json.error.message).toMatch(/Subject/);
  });

  it('a lookup pointing at nothing is the database foreign-key error', async () => {
    const reply = await client.post('Case', { Subject: 'x', StatusId: '0b0b0b0b-0000-4000-8000-000000000000' });
    expectCreatioError(reply, 500);
    expect(reply.json.error.message).toBe('An error has occurred.');
    expect(reply.json.error.innererror.type).toBe('Npgsql.PostgresException');
    expect(reply.json.error.innererror.message).toMatch(/^23503: insert or update on table "Case" violates foreign key constraint/);
  });

  it('nothing of a rejected write is stored', async () => {
    const before = (await client.get('Case/$count')).text;
    await client.post('Case', { Subject: 'x', StatusId: '0b0b0b0b-0000-4000-8000-000000000000' });
    await client.post('Case', { Symptoms: 'no subject' });
    expect((await client.get('Case/$count')).text).toBe(before);
  });
});
