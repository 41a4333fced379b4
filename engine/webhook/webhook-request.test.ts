import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time';
import { decodeEntities, htmlToText } from './html-text';
import { checkWebhookRequest, isJsonContentType, utf8Length, WEBHOOK_MAX_BYTES } from './webhook-request';

const SECRET = 'test-token-0123456789abcdef';
const CASE = 'AE7F411E-F46B-1410-009B-0050BA5D6C38';
const ok = (body: unknown, extra: Partial<Parameters<typeof checkWebhookRequest>[0]> = {}) =>
  checkWebhookRequest({ token: SECRET, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body), ...extra }, SECRET);

function rejected(result: ReturnType<typeof checkWebhookRequest>) {
  if (result.ok) throw new Error('expected a rejection');
  return result.response as { status: number; body: { error: { code: string; message: string; problems?: { field: string; problem: string }[] } } };
}

describe('constantTimeEqual', () => {
  it('is true only for the same string', () => {
    expect(constantTimeEqual(SECRET, SECRET)).toBe(true);
    expect(constantTimeEqual(`${SECRET.slice(0, -1)}g`, SECRET)).toBe(false);
    expect(constantTimeEqual(`x${SECRET.slice(1)}`, SECRET)).toBe(false);
    expect(constantTimeEqual('', SECRET)).toBe(false);
    expect(constantTimeEqual(`${SECRET}x`, SECRET)).toBe(false);
    expect(constantTimeEqual(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
  it('reads every char code of the secret whatever the candidate (no early exit)', () => {
    const reads: number[] = [];
    const spy = (s: string) => new Proxy(new String(s), {
      get(target, key) {
        if (key === 'charCodeAt') return (i: number) => { reads.push(i); return target.charCodeAt(i); };
        return Reflect.get(target, key) as unknown;
      },
    }) as unknown as string;
    for (const candidate of ['x'.repeat(SECRET.length), SECRET, 'short', `${SECRET}-longer`]) {
      reads.length = 0;
      constantTimeEqual(candidate, spy(SECRET));
      // Every index of the secret is read: once (vs the candidate) or twice (vs itself, other length).
      expect(new Set(reads).size).toBe(SECRET.length);
    }
  });
});

describe('checkWebhookRequest', () => {
  it('accepts the seed body, lower-cases the GUID and allows more keys', () => {
    expect(ok({ event_type: 'new_activity', caseId: CASE, more: 1 })).toEqual({ ok: true, webhook: { eventType: 'new_activity', caseId: CASE.toLowerCase() } });
    expect(ok({ event_type: 'case_closed', caseId: CASE }, { contentType: 'Application/JSON; charset=utf-8' }).ok).toBe(true);
  });
  it('answers a wrong or missing token 404 and nothing else, before looking at anything', () => {
    for (const token of ['', 'nope', SECRET.toUpperCase(), `${SECRET} `, SECRET.slice(1)]) {
      const r = rejected(checkWebhookRequest({ token, contentType: 'text/plain', body: 'x'.repeat(70_000) }, SECRET));
      expect(r).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found' } } });
    }
  });
  it('413 over 64 KB, by the size the host counted or by the body', () => {
    expect(rejected(ok('{}', { contentLength: WEBHOOK_MAX_BYTES + 1 })).status).toBe(413);
    expect(rejected(ok(`{"a":"${'é'.repeat(WEBHOOK_MAX_BYTES / 2)}"}`)).body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ok({ event_type: 'case_updated', caseId: CASE, pad: 'x'.repeat(WEBHOOK_MAX_BYTES - 200) }).ok).toBe(true);
  });
  it('415 for anything but JSON', () => {
    for (const contentType of [undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', 'text/json']) {
      const r = rejected(ok({ event_type: 'new_activity', caseId: CASE }, { contentType }));
      expect(r.status).toBe(415);
      expect(r.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(isJsonContentType('application/vnd.api+json')).toBe(true);
  });
  it('400 naming the field and the problem', () => {
    const cases: [unknown, string, RegExp][] = [
      ['{not json', '(body)', /JSON/],
      ['', '(body)', /JSON/],
      ['[1]', '(body)', /object/],
      ['null', '(body)', /object/],
      ['42', '(body)', /object/],
      [{ caseId: CASE }, 'event_type', /is required/],
      [{ event_type: 5, caseId: CASE }, 'event_type', /must be a string/],
      [{ event_type: 'case_reopened', caseId: CASE }, 'event_type', /must be one of new_activity, case_closed, case_updated/],
      [{ event_type: 'new_activity' }, 'caseId', /is required/],
      [{ event_type: 'new_activity', caseId: 12 }, 'caseId', /must be a string/],
      [{ event_type: 'new_activity', caseId: '[#Case.Id#]' }, 'caseId', /must be a GUID/],
      [{ event_type: 'new_activity', caseId: `${CASE}x` }, 'caseId', /must be a GUID/],
      [{ event_type: 'new_activity', caseId: `{${CASE}}` }, 'caseId', /must be a GUID/],
    ];
    for (const [body, field, problem] of cases) {
      const r = rejected(ok(body));
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.problems?.find((p) => p.field === field)?.problem, JSON.stringify(body)).toMatch(problem);
    }
    const both = rejected(ok({ event_type: 'x', caseId: 'y' }));
    expect(both.body.error.problems?.map((p) => p.field)).toEqual(['event_type', 'caseId']);
    expect(both.body.error.message).toMatch(/event_type: .*; caseId: /);
  });
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('htmlToText', () => {
  it('strips tags, keeps line structure, decodes entities', () => {
    expect(htmlToText('<p>Hello <b>Ann</b>,</p><p>Your order &amp; invoice ship today.<br>Regards,<br/>Bob</p>'))
      .toBe('Hello Ann,\n\nYour order & invoice ship today.\nRegards,\nBob');
    expect(htmlToText('<html><head><style>p{color:red}</style></head><body><div>A&nbsp;&lt;b&gt; &#39;x&#x27;</div><script>alert(1)</script><!-- c --></body></html>'))
      .toBe("A <b> 'x'");
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('one\ntwo');
    expect(decodeEntities('&unknown; &#0; &#xD800;')).toBe('&unknown; &#0; &#xD800;');
  });
});
