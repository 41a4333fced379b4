/**
 * The Creatio client against a site that misbehaves in precise ways (msw intercepting a fake Creatio
 * cloud origin, so the `-is` identity-service address is exercised too).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../engine-error';
import type { Fetch } from '../ports';
import type { CreatioAuth } from '../settings';
import { createCreatioClient, odataString } from './creatio-client';
import { createManualClock } from './test-clock';

const SITE = 'https://acme.creatio.com';
const TOKEN_URL = 'https://acme-is.creatio.com/connect/token';
const LOGIN_URL = `${SITE}/ServiceModel/AuthService.svc/Login`;
const SECRET = 'super-secret-client-value';
const PASSWORD = 'hunter2-password';
const OAUTH: CreatioAuth = { kind: 'oauth', clientId: 'opencx', clientSecret: SECRET };
const FORMS: CreatioAuth = { kind: 'forms', userName: 'Supervisor', password: PASSWORD };
const CASE_ID = 'f3ed4f55-894b-42bc-b5a1-f10b9d0bc03f';
const TIMEOUT_MS = 5_000;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function makeClient(auth: CreatioAuth = OAUTH) {
  const clock = createManualClock();
  /** What the client sent, as it sent it (msw adds cookies of its own to the Request a handler sees). */
  const sent: Array<{ url: string; headers: Headers }> = [];
  // msw patches the global fetch: look it up at call time, not at import time.
  const fetch: Fetch = (input, init) => {
    sent.push({ url: input, headers: new Headers(init?.headers) });
    return globalThis.fetch(input, init);
  };
  const client = createCreatioClient({ instanceUrl: SITE, auth, fetch, clock, timeoutMs: TIMEOUT_MS });
  return { client, clock, sent };
}

/** Matches exactly this URL, with any query string (msw's path syntax would read `(` specially). */
function exactly(url: string): RegExp {
  return new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);
}

/** The identity service; counts token requests and hands out token-1, token-2, ... */
function tokenService(expiresIn = 3600) {
  const seen = { count: 0, bodies: [] as string[] };
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      seen.count += 1;
      seen.bodies.push(await request.text());
      return HttpResponse.json({ access_token: `access-token-${seen.count}`, expires_in: expiresIn, token_type: 'Bearer' });
    }),
  );
  return seen;
}

/** Forms login; session N gets cookies `.ASPXAUTH=auth-N` and `BPMCSRF=csrf-N`. */
function loginService() {
  const seen = { count: 0, bodies: [] as unknown[] };
  server.use(
    http.post(LOGIN_URL, async ({ request }) => {
      seen.count += 1;
      seen.bodies.push(await request.json());
      const headers = new Headers({ 'Content-Type': 'application/json' });
      headers.append('Set-Cookie', `.ASPXAUTH=auth-cookie-${seen.count}; path=/; HttpOnly`);
      headers.append('Set-Cookie', `BPMCSRF=csrf-value-${seen.count}; path=/`);
      headers.append('Set-Cookie', `BPMLOADER=loader-${seen.count}; path=/; HttpOnly`);
      return new HttpResponse(JSON.stringify({ Code: 0, Message: '', Exception: null, PasswordChangeUrl: null, RedirectUrl: null }),
        { status: 200, headers });
    }),
  );
  return seen;
}

const odataError = (message: string, inner?: string) => ({
  error: { code: '', message, ...(inner ? { innererror: { message: inner, type: '', stacktrace: '' } } : {}) },
});

/** Answers each request to `url` with the next reply of the list (the last one repeats). */
function replies(method: 'get' | 'post' | 'patch', url: string | RegExp, list: Array<() => Response | Promise<Response>>) {
  const requests: Request[] = [];
  server.use(
    http[method](url, ({ request }) => {
      requests.push(request.clone());
      const reply = list[Math.min(requests.length - 1, list.length - 1)]!;
      return reply();
    }),
  );
  return requests;
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

const okCollection = () => HttpResponse.json({ '@odata.context': `${SITE}/0/odata/$metadata#Case`, value: [{ Id: CASE_ID }] });
const CASES = `${SITE}/0/odata/Case`;

describe('requests', () => {
  it('gets a token from <name>-is.creatio.com and sends OData headers and a percent-encoded query', async () => {
    const tokens = tokenService();
    const requests = replies('get', CASES, [okCollection]);
    const { client } = makeClient();
    const filter = `Subject eq ${odataString("it's 50% & more")}`;
    expect(await client.query('Case', { filter, select: ['Id', 'Subject'], orderby: 'CreatedOn desc', top: 3 })).toEqual([{ Id: CASE_ID }]);

    expect(tokens.count).toBe(1);
    expect(Object.fromEntries(new URLSearchParams(tokens.bodies[0]))).toEqual({
      grant_type: 'client_credentials', client_id: 'opencx', client_secret: SECRET,
    });
    const request = requests[0]!;
    expect(request.headers.get('authorization')).toBe('Bearer access-token-1');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('forceusesession')).toBe('true');
    const url = new URL(request.url);
    expect(url.searchParams.get('$filter')).toBe("Subject eq 'it''s 50% & more'");
    expect(url.searchParams.get('$select')).toBe('Id,Subject');
    expect(url.searchParams.get('$orderby')).toBe('CreatedOn desc');
    expect(url.searchParams.get('$top')).toBe('3');
    expect(request.url).toContain('$filter=Subject%20eq%20');
  });

  it('posts JSON and patches a bare-GUID key', async () => {
    tokenService();
    const posts = replies('post', CASES, [() => HttpResponse.json({ Id: CASE_ID, Number: 'SR00000001' }, { status: 201 })]);
    const patches = replies('patch', exactly(`${SITE}/0/odata/Case(${CASE_ID})`), [() => new HttpResponse(null, { status: 204 })]);
    const { client } = makeClient();
    expect(await client.insert('Case', { Id: CASE_ID, Subject: 'Hi' })).toEqual({ Id: CASE_ID, Number: 'SR00000001' });
    await client.update('Case', CASE_ID, { Subject: 'Hello' });
    expect(posts[0]!.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await posts[0]!.json()).toEqual({ Id: CASE_ID, Subject: 'Hi' });
    expect(await patches[0]!.json()).toEqual({ Subject: 'Hello' });
  });

  it('uses the token URL from the settings when one is given', async () => {
    let asked = 0;
    server.use(http.post('https://login.example.com/connect/token', () => {
      asked += 1;
      return HttpResponse.json({ access_token: 'custom-token', expires_in: 3600 });
    }));
    replies('get', CASES, [okCollection]);
    const { client } = makeClient({ ...OAUTH, tokenUrl: 'https://login.example.com/connect/token' });
    await client.ping();
    expect(asked).toBe(1);
  });

  it('refuses ids and names that are not Creatio\'s, before sending anything', async () => {
    const { client } = makeClient();
    expect((await failure(client.get('Case', "x') or (1 eq 1"))).code).toBe('CREATIO_BAD_REQUEST');
    expect((await failure(client.query('Case?$top=1', {}))).code).toBe('CREATIO_BAD_REQUEST');
  });
});

describe('failures', () => {
  it('500 → CREATIO_SERVER_ERROR carrying Creatio\'s message', async () => {
    tokenService();
    replies('get', CASES, [() => HttpResponse.json(odataError('An error has occurred.', 'Value cannot be null.'), { status: 500 })]);
    const error = await failure(makeClient().client.query('Case', {}));
    expect(error.code).toBe('CREATIO_SERVER_ERROR');
    expect(error.message).toContain('An error has occurred. / Value cannot be null.');
    expect(error.details).toEqual({ method: 'GET', path: '/0/odata/Case', status: 500 });
  });

  it('500 duplicate key (23505) → CREATIO_DUPLICATE', async () => {
    tokenService();
    replies('post', CASES, [() => HttpResponse.json(odataError('An error has occurred.',
      '23505: duplicate key value violates unique constraint "PKCaseId"'), { status: 500 })]);
    expect((await failure(makeClient().client.insert('Case', { Id: CASE_ID }))).code).toBe('CREATIO_DUPLICATE');
  });

  it('503 with Retry-After in seconds or as a date → CREATIO_UNAVAILABLE with retryAfterMs', async () => {
    tokenService();
    const { client, clock } = makeClient();
    const date = new Date(clock.now() + 30_000).toUTCString();
    replies('get', CASES, [
      () => new HttpResponse('Service Unavailable', { status: 503, headers: { 'Retry-After': '7' } }),
      () => new HttpResponse('Service Unavailable', { status: 503, headers: { 'Retry-After': date } }),
      () => new HttpResponse('Service Unavailable', { status: 503 }),
    ]);
    const seconds = await failure(client.query('Case', {}));
    expect(seconds.code).toBe('CREATIO_UNAVAILABLE');
    expect(seconds.retryAfterMs).toBe(7_000);
    expect((await failure(client.query('Case', {}))).retryAfterMs).toBe(30_000);
    expect((await failure(client.query('Case', {}))).retryAfterMs).toBeUndefined();
  });

  it('429 → CREATIO_RATE_LIMITED with retryAfterMs', async () => {
    tokenService();
    replies('get', CASES, [() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })]);
    const error = await failure(makeClient().client.query('Case', {}));
    expect(error.code).toBe('CREATIO_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(2_000);
  });

  it('no answer within the timeout → CREATIO_TIMEOUT (the request is aborted)', async () => {
    tokenService();
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    let aborted = false;
    server.use(http.get(CASES, ({ request }) => new Promise<Response>(() => {
      request.signal.addEventListener('abort', () => (aborted = true));
      arrived();
    })));
    const { client, clock } = makeClient();
    const pending = failure(client.query('Case', {}));
    await arrival;
    clock.advance(TIMEOUT_MS - 1);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    const error = await pending;
    expect(error.code).toBe('CREATIO_TIMEOUT');
    expect(error.details).toMatchObject({ method: 'GET', path: '/0/odata/Case', timeoutMs: TIMEOUT_MS });
    expect(aborted).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('connection refused → CREATIO_UNREACHABLE', async () => {
    tokenService();
    replies('get', CASES, [() => HttpResponse.error()]);
    expect((await failure(makeClient().client.query('Case', {}))).code).toBe('CREATIO_UNREACHABLE');
  });

  it('a reply cut off after the record was made (201, half a body) → CREATIO_BAD_RESPONSE', async () => {
    tokenService();
    replies('post', CASES, [() => new HttpResponse(`{"Id":"${CASE_ID}","Subj`, { status: 201, headers: { 'Content-Type': 'application/json' } })]);
    const error = await failure(makeClient().client.insert('Case', { Id: CASE_ID, Subject: 'x' }));
    expect(error.code).toBe('CREATIO_BAD_RESPONSE');
    expect(error.details).toMatchObject({ method: 'POST', status: 201 });
  });

  it('HTML or the wrong JSON where a collection is expected → CREATIO_BAD_RESPONSE', async () => {
    tokenService();
    replies('get', CASES, [
      () => new HttpResponse('<html><body>Proxy error</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      () => HttpResponse.json({ items: [] }),
    ]);
    const { client } = makeClient();
    expect((await failure(client.query('Case', {}))).code).toBe('CREATIO_BAD_RESPONSE');
    expect((await failure(client.query('Case', {}))).code).toBe('CREATIO_BAD_RESPONSE');
  });

  it('404: get() answers undefined, update() fails with CREATIO_NOT_FOUND; other 4xx → CREATIO_BAD_REQUEST', async () => {
    tokenService();
    const key = exactly(`${SITE}/0/odata/Case(${CASE_ID})`);
    replies('get', key, [() => HttpResponse.json(odataError('Resource not found'), { status: 404 })]);
    replies('patch', key, [() => HttpResponse.json(odataError('Resource not found'), { status: 404 })]);
    replies('post', CASES, [() => HttpResponse.json(odataError('Column Subject is required'), { status: 400 })]);
    const { client } = makeClient();
    expect(await client.get('Case', CASE_ID)).toBeUndefined();
    expect((await failure(client.update('Case', CASE_ID, {}))).code).toBe('CREATIO_NOT_FOUND');
    const bad = await failure(client.insert('Case', {}));
    expect(bad.code).toBe('CREATIO_BAD_REQUEST');
    expect(bad.message).toContain('Column Subject is required');
  });

  it('never repeats a secret Creatio echoes back in an error', async () => {
    tokenService();
    replies('get', CASES, [() => HttpResponse.json(odataError(`Bad token access-token-1 for ${SECRET}`), { status: 400 })]);
    const error = await failure(makeClient().client.query('Case', {}));
    expect(error.message).toContain('Bad token *** for ***');
  });
});

const EXPIRED_SHAPES = [
  { name: '401 JSON', reply: () => HttpResponse.json({ Message: 'Authentication failed.', StackTrace: null, ExceptionType: 'System.InvalidOperationException' }, { status: 401 }) },
  { name: '403', reply: () => new HttpResponse(null, { status: 403 }) },
  { name: '302 to NuiLogin', reply: () => new HttpResponse(null, { status: 302, headers: { Location: '/Login/NuiLogin.aspx?ReturnUrl=%2F0%2Fodata%2FCase' } }) },
  { name: '200 NuiLogin page', reply: () => new HttpResponse('<!DOCTYPE html><html><body id="NuiLogin">Sign in</body></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }) },
];

describe.each(EXPIRED_SHAPES)('session expiry as $name', ({ reply }) => {
  it('OAuth: takes a new token once and repeats the request', async () => {
    const tokens = tokenService();
    const requests = replies('get', CASES, [reply, okCollection]);
    expect(await makeClient().client.query('Case', {})).toEqual([{ Id: CASE_ID }]);
    expect(tokens.count).toBe(2);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer access-token-1', 'Bearer access-token-2']);
  });

  it('forms: signs in again once and repeats the request with the new cookies and BPMCSRF', async () => {
    const logins = loginService();
    replies('get', CASES, [reply, okCollection]);
    const { client, sent } = makeClient(FORMS);
    expect(await client.query('Case', {})).toEqual([{ Id: CASE_ID }]);
    expect(logins.count).toBe(2);
    expect(logins.bodies[0]).toEqual({ UserName: 'Supervisor', UserPassword: PASSWORD });
    const reads = sent.filter((s) => s.url.startsWith(CASES));
    expect(reads.map((s) => s.headers.get('cookie'))).toEqual([
      '.ASPXAUTH=auth-cookie-1; BPMCSRF=csrf-value-1; BPMLOADER=loader-1',
      '.ASPXAUTH=auth-cookie-2; BPMCSRF=csrf-value-2; BPMLOADER=loader-2',
    ]);
    expect(reads.map((s) => s.headers.get('bpmcsrf'))).toEqual(['csrf-value-1', 'csrf-value-2']);
  });

  it('expired again right after signing in → CREATIO_SESSION_EXPIRED, after exactly one new sign-in', async () => {
    const tokens = tokenService();
    replies('get', CASES, [reply]);
    const error = await failure(makeClient().client.query('Case', {}));
    expect(error.code).toBe('CREATIO_SESSION_EXPIRED');
    expect(tokens.count).toBe(2);
  });
});

describe('sign-in', () => {
  it.each([400, 401])('a wrong client secret (%i invalid_client) → CREATIO_AUTH_FAILED, secret never shown', async (status) => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ error: 'invalid_client' }, { status })));
    const error = await failure(makeClient().client.ping());
    expect(error.code).toBe('CREATIO_AUTH_FAILED');
    expect(error.message).toContain('Client Secret');
    expect(JSON.stringify([error.message, error.details])).not.toContain(SECRET);
  });

  it('forms login answered with Code ≠ 0 → CREATIO_AUTH_FAILED naming Creatio\'s reason, password never shown', async () => {
    server.use(http.post(LOGIN_URL, () => HttpResponse.json({ Code: 1, Message: 'Either username or password is incorrect.' })));
    const error = await failure(makeClient(FORMS).client.ping());
    expect(error.code).toBe('CREATIO_AUTH_FAILED');
    expect(error.message).toContain('Either username or password is incorrect.');
    expect(JSON.stringify([error.message, error.details])).not.toContain(PASSWORD);
  });

  it('ten concurrent calls share one token request', async () => {
    const tokens = tokenService();
    replies('get', CASES, [okCollection]);
    const { client } = makeClient();
    await Promise.all(Array.from({ length: 10 }, () => client.query('Case', {})));
    expect(tokens.count).toBe(1);
  });

  it('ten concurrent calls share one forms login', async () => {
    const logins = loginService();
    replies('get', CASES, [okCollection]);
    const { client } = makeClient(FORMS);
    await Promise.all(Array.from({ length: 10 }, () => client.query('Case', {})));
    expect(logins.count).toBe(1);
  });

  it('renews a short-lived token when 10% of its lifetime is left', async () => {
    const tokens = tokenService(100);
    replies('get', CASES, [okCollection]);
    const { client, clock } = makeClient();
    await client.ping();
    clock.advance(89_000);
    await client.ping();
    expect(tokens.count).toBe(1);
    clock.advance(2_000); // 9 s of 100 left
    await client.ping();
    expect(tokens.count).toBe(2);
  });

  it('keeps cookies a later answer sets (sliding renewal)', async () => {
    loginService();
    replies('get', CASES, [
      () => {
        const headers = new Headers({ 'Content-Type': 'application/json' });
        headers.append('Set-Cookie', '.ASPXAUTH=renewed-auth; path=/; HttpOnly');
        headers.append('Set-Cookie', 'BPMLOADER=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
        return new HttpResponse(JSON.stringify({ value: [] }), { status: 200, headers });
      },
      okCollection,
    ]);
    const { client, sent } = makeClient(FORMS);
    await client.ping();
    await client.ping();
    expect(sent.at(-1)!.headers.get('cookie')).toBe('.ASPXAUTH=renewed-auth; BPMCSRF=csrf-value-1');
  });
});

describe('lookupTarget', () => {
  const METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="Terrasoft.Configuration.OData" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="Case"><Key><PropertyRef Name="Id" /></Key>
<Property Name="Id" Type="Edm.Guid" Nullable="false" /><Property Name="PriorityId" Type="Edm.Guid" />
<Property Name="OriginId" Type="Edm.Guid" />
<NavigationProperty Name="Priority" Type="Terrasoft.Configuration.OData.CasePriority">
<ReferentialConstraint Property="PriorityId" ReferencedProperty="Id" /></NavigationProperty>
<NavigationProperty Name="Origin" Type="Terrasoft.Configuration.OData.CaseOrigin" />
<NavigationProperty Name="Activities" Type="Collection(Terrasoft.Configuration.OData.Activity)" />
</EntityType>
<EntityType Name="CasePriority"><Property Name="Id" Type="Edm.Guid" /></EntityType>
</Schema></edmx:DataServices></edmx:Edmx>`;

  it('reads $metadata once: ReferentialConstraint first, the <Nav>Id convention where it is missing', async () => {
    tokenService();
    const requests = replies('get', `${SITE}/0/odata/$metadata`, [() => new HttpResponse(METADATA, { headers: { 'Content-Type': 'application/xml' } })]);
    const { client } = makeClient();
    const [priority, origin] = await Promise.all([client.lookupTarget('Case', 'PriorityId'), client.lookupTarget('Case', 'OriginId')]);
    expect(priority).toBe('CasePriority');
    expect(origin).toBe('CaseOrigin');
    expect(await client.lookupTarget('Case', 'ActivitiesId')).toBeUndefined();
    expect(await client.lookupTarget('CasePriority', 'Id')).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('a body that is not EDMX → CREATIO_BAD_RESPONSE, and the next call asks again', async () => {
    tokenService();
    const requests = replies('get', `${SITE}/0/odata/$metadata`, [
      () => HttpResponse.json({ value: [] }),
      () => new HttpResponse(METADATA, { headers: { 'Content-Type': 'application/xml' } }),
    ]);
    const { client } = makeClient();
    expect((await failure(client.lookupTarget('Case', 'PriorityId'))).code).toBe('CREATIO_BAD_RESPONSE');
    expect(await client.lookupTarget('Case', 'PriorityId')).toBe('CasePriority');
    expect(requests).toHaveLength(2);
  });
});
