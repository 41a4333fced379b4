import { describe, expect, it } from 'vitest';
import { EngineError } from '../engine-error';
import type { Fetch } from '../ports';
import { createCookieJar } from './cookie-jar';
import { createOAuthSignIn } from './oauth-sign-in';
import { defaultTokenUrl, odataString, queryString } from './odata-url';
import { redactError } from './redact';
import { creatioMessages, retryAfterMs } from './reply-errors';
import { createManualClock } from './test-clock';

describe('OData URL pieces', () => {
  it('quotes string literals the OData way (reference §1.3)', () => {
    expect(odataString("it's")).toBe("'it''s'");
    expect(odataString("''")).toBe("''''''");
    expect(odataString('plain')).toBe("'plain'");
  });

  it('derives the identity service address on Creatio cloud only (reference §2.2)', () => {
    expect(defaultTokenUrl('https://acme.creatio.com')).toBe('https://acme-is.creatio.com/connect/token');
    expect(defaultTokenUrl('https://ACME-dev.creatio.com')).toBe('https://acme-dev-is.creatio.com/connect/token');
    expect(defaultTokenUrl('https://crm.example.org')).toBe('https://crm.example.org/connect/token');
    expect(defaultTokenUrl('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000/connect/token');
  });

  it('percent-encodes option values and leaves empty options out', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ filter: "Email eq 'a+b@x.io'", top: 0 })).toBe("?$filter=Email%20eq%20'a%2Bb%40x.io'&$top=0");
    expect(queryString({ expand: 'Status($select=Name)' })).toBe('?$expand=Status(%24select%3DName)');
    expect(() => queryString({ top: 1.5 })).toThrow(EngineError);
  });
});

describe('reply helpers', () => {
  it('reads Retry-After as seconds or an HTTP date against the Clock', () => {
    const clock = createManualClock();
    expect(retryAfterMs('3', clock)).toBe(3_000);
    expect(retryAfterMs(new Date(clock.now() + 12_000).toUTCString(), clock)).toBe(12_000);
    expect(retryAfterMs(new Date(clock.now() - 12_000).toUTCString(), clock)).toBe(0);
    expect(retryAfterMs('soon', clock)).toBeUndefined();
    expect(retryAfterMs(null, clock)).toBeUndefined();
  });

  it('collects Creatio error messages down to innererror.internalexception (reference §1.6)', () => {
    const body = JSON.stringify({ error: { code: '', message: 'An error has occurred.', innererror: {
      message: 'Inner', internalexception: { message: 'Column by path X not found' } } } });
    expect(creatioMessages(body)).toEqual(['An error has occurred.', 'Inner', 'Column by path X not found']);
    expect(creatioMessages('{"Message":"Authentication failed."}')).toEqual(['Authentication failed.']);
    expect(creatioMessages('<html>')).toEqual([]);
  });

  it('masks held secrets in messages and details', () => {
    const error = new EngineError('CREATIO_BAD_REQUEST', 'token abcd1234 rejected', { path: '/x?abcd1234', status: 400 });
    const clean = redactError(error, ['abcd1234', '', 'ab']);
    expect(clean.message).toBe('token *** rejected');
    expect(clean.details).toEqual({ path: '/x?***', status: 400 });
    expect(clean.code).toBe('CREATIO_BAD_REQUEST');
  });
});

describe('cookie jar', () => {
  it('replaces, drops expired and emptied cookies', () => {
    const jar = createCookieJar(createManualClock());
    jar.absorb(['A=1; path=/', 'B=2; HttpOnly', 'C=3']);
    jar.absorb(['A=9', 'B=; expires=Thu, 01 Jan 1970 00:00:00 GMT', 'C=3; Max-Age=0']);
    expect(jar.header()).toBe('A=9');
    jar.clear();
    expect(jar.header()).toBeUndefined();
  });
});

describe('OAuth sign-in', () => {
  it('a late "expired" for an old token does not throw away the newer one', async () => {
    let issued = 0;
    const fetch: Fetch = async () => Response.json({ access_token: `token-${++issued}`, expires_in: 3600 });
    const signIn = createOAuthSignIn({
      fetch, clock: createManualClock(), timeoutMs: 1000, instanceUrl: 'https://acme.creatio.com', clientId: 'c', clientSecret: 's3cret',
    });
    const first = await signIn.grant();
    signIn.invalidate(first.generation);
    const second = await signIn.grant();
    expect(second.headers.Authorization).toBe('Bearer token-2');
    signIn.invalidate(first.generation);
    expect((await signIn.grant()).headers.Authorization).toBe('Bearer token-2');
    expect(issued).toBe(2);
    expect(signIn.secrets()).toEqual(['s3cret', 'token-2']);
  });
});
