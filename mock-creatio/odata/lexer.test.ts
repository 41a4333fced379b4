import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';

const kinds = (text: string) => tokenize(text).map((t) => [t.kind, t.value ?? t.text]);

describe('tokenize', () => {
  it('recognises GUIDs (lower-cased), date-times, bare dates, numbers and strings', () => {
    expect(kinds("AE5F2F10-F46B-1410-FD9A-0050BA5D6C38 2026-09-15T06:00:00Z 2026-09-15 -12 3.5 'a''b'")).toEqual([
      ['guid', 'ae5f2f10-f46b-1410-fd9a-0050ba5d6c38'],
      ['date', '2026-09-15T06:00:00.0000000Z'],
      ['date', '2026-09-15T00:00:00.0000000Z'],
      ['number', -12],
      ['number', 3.5],
      ['string', "a'b"],
      ['end', ''],
    ]);
  });

  it('normalises offsets and 7-digit fractions to the canonical UTC form', () => {
    expect(tokenize('2026-09-15T08:00:00.1234567+02:00')[0]?.value).toBe('2026-09-15T06:00:00.1234567Z');
    expect(tokenize('2026-09-15T05:30:00-00:30')[0]?.value).toBe('2026-09-15T06:00:00.0000000Z');
  });

  it('keeps positions and punctuation', () => {
    const t = tokenize("contains(Status/Name, 'x')");
    expect(t.map((x) => [x.text, x.pos])).toEqual([
      ['contains', 0], ['(', 8], ['Status', 9], ['/', 15], ['Name', 16], [',', 20], ["'x'", 22], [')', 25], ['', 26],
    ]);
  });

  it('rejects bad characters, unterminated strings, impossible dates and huge numbers', () => {
    expect(() => tokenize('Name eq %')).toThrow("Syntax error: character '%' is not valid at position 8 in 'Name eq %'.");
    expect(() => tokenize("'abc")).toThrow("There is an unterminated string literal at position 0 in ''abc'.");
    expect(() => tokenize('2026-02-30')).toThrow("The date-time literal '2026-02-30' at position 0");
    expect(() => tokenize('2026-09-15T06:00:00')).toThrow('is not valid');
    expect(() => tokenize('1e400')).toThrow('out of range');
    expect(() => tokenize('12abc')).toThrow('Syntax error at position 0');
    expect(() => tokenize('Näme')).toThrow("character 'ä' is not valid at position 1");
  });
});
