import { describe, expect, it } from 'vitest';
import { smsEncoding, smsLength, smsSegments } from './sms-segments';

const a = (n: number): string => 'a'.repeat(n);

describe('SMS encoding (3GPP TS 23.038)', () => {
  it('keeps the GSM 7-bit alphabet and its extension as GSM-7', () => {
    expect(smsEncoding('Grüße aus Köln, ça va? Ç@£$¥ {€}')).toBe('ucs2'); // "ç" (lower case) is not in GSM-7
    expect(smsEncoding('Grüße aus Köln, Ç@£$¥ {€} [~] ^|\\')).toBe('gsm7');
    expect(smsEncoding('hello 😀')).toBe('ucs2');
    expect(smsEncoding('привет')).toBe('ucs2');
  });

  it('counts an extension character as two septets and an emoji as two code units', () => {
    expect(smsLength('€')).toBe(2);
    expect(smsLength('a{b}')).toBe(6);
    expect(smsLength('😀')).toBe(2);
    expect(smsLength('é😀')).toBe(3);
  });
});

describe('SMS segments', () => {
  it('sends 160 GSM-7 characters as one SMS and 161 as two segments of at most 153', () => {
    expect(smsSegments(a(160))).toEqual([a(160)]);
    expect(smsSegments(a(161))).toEqual([a(153), a(8)]);
    expect(smsSegments(a(306))).toEqual([a(153), a(153)]);
    expect(smsSegments(a(307))).toHaveLength(3);
  });

  it('counts € as two septets at the 160 boundary and never splits an escape pair', () => {
    expect(smsSegments(`${a(158)}€`)).toHaveLength(1);
    expect(smsSegments(`${a(159)}€`)).toEqual([a(153), `${a(6)}€`]);
    expect(smsSegments(`${a(152)}€${a(10)}`)).toEqual([a(152), `€${a(10)}`]);
  });

  it('sends 70 UCS-2 code units as one SMS and 71 (with an emoji) as segments of at most 67', () => {
    expect(smsSegments(`${a(68)}😀`)).toEqual([`${a(68)}😀`]);
    expect(smsSegments(`${a(69)}😀`)).toEqual([a(67), `aa😀`]);
    expect(smsSegments(`${a(70)}ç`)).toEqual([a(67), 'aaaç']);
  });

  it('never splits a surrogate pair across segments', () => {
    const text = `${a(66)}😀${'b'.repeat(10)}`;
    expect(smsSegments(text)).toEqual([a(66), `😀${'b'.repeat(10)}`]);
  });

  it('joins back into the full text', () => {
    const text = `Your order ${'#12345 '.repeat(40)}is on its way € 😀`;
    const segments = smsSegments(text);
    expect(segments.join('')).toBe(text);
    for (const segment of segments) expect(smsLength(segment, 'ucs2')).toBeLessThanOrEqual(67);
  });
});
