import { describe, expect, it } from 'vitest';
import { ODataHttpError } from './odata-error';
import { parseMediaType, parseMultipartBatch } from './multipart-parser';
import { httpResponseText, writeMultipartBatch } from './multipart-writer';

const CT = 'multipart/mixed; boundary=batch_1';
const crlf = (lines: string[]) => lines.join('\r\n');
const part = (request: string[], extra: string[] = []) =>
  ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', ...extra, '', ...request];

/** The 400 message parseMultipartBatch throws, or fails the test when it parses. */
function errorOf(body: string, contentType = CT): string {
  try {
    parseMultipartBatch(body, contentType);
  } catch (error) {
    expect(error).toBeInstanceOf(ODataHttpError);
    expect((error as ODataHttpError).status).toBe(400);
    return (error as ODataHttpError).message;
  }
  throw new Error('parsed without error');
}

describe('parseMediaType', () => {
  it('reads type and parameters, quoted or not', () => {
    expect(parseMediaType('Multipart/Mixed; Boundary="batch 1;x"; charset=utf-8')).toEqual({
      type: 'multipart/mixed', params: { boundary: 'batch 1;x', charset: 'utf-8' },
    });
    expect(parseMediaType('application/json')).toEqual({ type: 'application/json', params: {} });
  });
});

describe('parseMultipartBatch', () => {
  it('reads requests and change sets with headers, bodies and Content-IDs', () => {
    const body = crlf([
      'preamble is ignored',
      '--batch_1',
      ...part(['GET Case(0b0b0b0b-0000-4000-8000-000000000000)?$select=Subject HTTP/1.1', 'Accept: application/json', '', '']),
      '--batch_1',
      'Content-Type: multipart/mixed; boundary=changeset_a',
      '',
      '--changeset_a',
      ...part(['POST /0/odata/Case HTTP/1.1', 'Content-Type: application/json', '', '{"Subject":"a\\r\\n--batch_1"}'], ['Content-ID: 1']),
      '--changeset_a',
      ...part(['DELETE http://h/0/odata/Case(x) HTTP/1.1', ''], ['Content-ID: 2']),
      '--changeset_a--',
      '--batch_1--',
      'epilogue',
    ]);
    expect(parseMultipartBatch(body, CT)).toEqual([
      { kind: 'request', where: 'part 1', method: 'GET', url: 'Case(0b0b0b0b-0000-4000-8000-000000000000)?$select=Subject', headers: { accept: 'application/json' } },
      { kind: 'changeset', where: 'part 2', requests: [
        { kind: 'request', where: 'part 2.1', method: 'POST', url: '/0/odata/Case', headers: { 'content-type': 'application/json' }, contentId: '1', body: '{"Subject":"a\\r\\n--batch_1"}' },
        { kind: 'request', where: 'part 2.2', method: 'DELETE', url: 'http://h/0/odata/Case(x)', headers: {}, contentId: '2' },
      ] },
    ]);
  });

  it('accepts LF line ends, a quoted boundary, padding after delimiters and folded headers', () => {
    const body = ['--b 1  ', 'Content-Type: application/http', 'Content-Transfer-Encoding:', ' binary', '', 'patch Case(x) HTTP/1.1',
      'Content-Type: application/json', '', '{"a":1}', 'line two', '--b 1--'].join('\n');
    expect(parseMultipartBatch(body, 'multipart/mixed; boundary="b 1"')).toEqual([
      { kind: 'request', where: 'part 1', method: 'PATCH', url: 'Case(x)', headers: { 'content-type': 'application/json' }, body: '{"a":1}\nline two' },
    ]);
  });

  it('takes a body with only the closing delimiter as an empty batch', () => {
    expect(parseMultipartBatch('--batch_1--\r\n', CT)).toEqual([]);
  });

  it('refuses malformed input with 400 naming what and where', () => {
    const ok = crlf(['--batch_1', ...part(['GET Case HTTP/1.1', '']), '--batch_1', ...part(['GET Case HTTP/1.1', '']), '--batch_1--']);
    expect(errorOf(ok, 'multipart/mixed')).toMatch(/Content-Type header.*boundary parameter/);
    expect(errorOf(ok, `multipart/mixed; boundary=${'x'.repeat(71)}`)).toMatch(/boundary .* is not valid/);
    expect(errorOf('')).toMatch(/batch body: no delimiter line '--batch_1'/);
    expect(errorOf(ok.replace('--batch_1--', ''))).toMatch(/not terminated.*after part 2/);
    expect(errorOf(ok.replace('--batch_1--', '--batch_1'))).toMatch(/not terminated/);
    expect(errorOf(ok.replace('--batch_1\r\n', '--batch_1 junk\r\n'))).toMatch(/delimiter line before part 1 has text after the boundary/);
    expect(errorOf(ok.replace('GET Case HTTP/1.1\r\n\r\n--batch_1--', 'GET Case HTTP/2\r\n\r\n--batch_1--'))).toMatch(/part 2: the request line 'GET Case HTTP\/2'/);
    expect(errorOf(ok.replace('GET Case HTTP/1.1', ''))).toMatch(/part 1: .*no request line/);
    expect(errorOf(ok.replace('Content-Type: application/http', 'Content-Type: application/json'))).toMatch(/part 1: .*'application\/json'/);
    expect(errorOf(ok.replace('Content-Type: application/http\r\n', ''))).toMatch(/part 1: the part has no Content-Type/);
    expect(errorOf(ok.replace('Content-Transfer-Encoding: binary\r\n', ''))).toMatch(/part 1: .*Content-Transfer-Encoding: binary.*none/);
    expect(errorOf(ok.replace('Content-Type: application/http', 'Content-Type application/http'))).toMatch(/part 1: the header line 'Content-Type application\/http'/);
  });

  it('refuses bad change sets', () => {
    const changeset = (inner: string[]) => crlf(['--batch_1', 'Content-Type: multipart/mixed; boundary=cs', '', ...inner, '--batch_1--']);
    expect(errorOf(changeset(['--cs', ...part(['GET Case HTTP/1.1', '']), '--cs--']))).toMatch(/part 1\.1: the method 'GET' is not allowed in a change set/);
    expect(errorOf(changeset(['--cs', 'Content-Type: multipart/mixed; boundary=cs2', '', '--cs2--', '--cs--']))).toMatch(/part 1\.1: a change set cannot contain another change set/);
    expect(errorOf(changeset(['--cs', ...part(['POST Case HTTP/1.1', ''])]))).toMatch(/part 1 \(change set\): the body is not terminated/);
    expect(errorOf(crlf(['--batch_1', 'Content-Type: multipart/mixed', '', '--batch_1--']))).toMatch(/part 1 \(change set Content-Type\).*boundary/);
  });

  it('throws nothing but a 400 for mangled bodies (seeded mutations)', () => {
    const base = crlf(['--batch_1', ...part(['GET Case?$top=1 HTTP/1.1', '', '']), '--batch_1', 'Content-Type: multipart/mixed; boundary=cs', '',
      '--cs', ...part(['PATCH Case(x) HTTP/1.1', 'Content-Type: application/json', '', '{}'], ['Content-ID: 1']), '--cs--', '--batch_1--', '']);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['\r\n', '\n', '--', '--batch_1', '--cs', ':', ' ', '', 'Content-Type: multipart/mixed; boundary=cs', 'HTTP/1.1'];
    for (let i = 0; i < 3000; i += 1) {
      const at = random(base.length);
      const mutated = base.slice(0, at) + pieces[random(pieces.length)]! + base.slice(at + random(12));
      try {
        parseMultipartBatch(mutated, CT);
      } catch (error) {
        expect(error, mutated).toBeInstanceOf(ODataHttpError);
        expect((error as ODataHttpError).status).toBe(400);
      }
    }
  });
});

describe('writeMultipartBatch', () => {
  it('writes one application/http part per answer and nests change sets', () => {
    let n = 0;
    const written = writeMultipartBatch([
      { kind: 'response', response: { status: 200, headers: { 'Content-Type': 'text/plain' }, text: '7' } },
      { kind: 'changeset', responses: [
        { kind: 'response', contentId: '1', response: { status: 201, headers: { Location: 'L' }, json: { Id: 'x' } } },
        { kind: 'response', contentId: '2', response: { status: 204, headers: {} } },
      ] },
    ], () => String((n += 1)));
    expect(written.contentType).toBe('multipart/mixed; boundary=batchresponse_1');
    expect(written.body).toBe(crlf([
      '--batchresponse_1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      'HTTP/1.1 200 OK', 'Content-Type: text/plain', '', '7',
      '--batchresponse_1', 'Content-Type: multipart/mixed; boundary=changesetresponse_2', '',
      '--changesetresponse_2', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 1', '',
      'HTTP/1.1 201 Created', 'Location: L', '', '{"Id":"x"}',
      '--changesetresponse_2', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', 'Content-ID: 2', '',
      'HTTP/1.1 204 No Content', '', '',
      '--changesetresponse_2--', '',
      '--batchresponse_1--', '',
    ]));
  });

  it('writes an empty batch and unknown status codes', () => {
    expect(writeMultipartBatch([], () => 'z').body).toBe('--batchresponse_z--\r\n');
    expect(httpResponseText({ status: 599, headers: {} })).toBe('HTTP/1.1 599\r\n\r\n');
  });
});
