/**
 * How an SMS carries a text: the GSM 7-bit default alphabet or UCS-2, and the segments of a
 * concatenated SMS.
 *
 * Rules (3GPP TS 23.038 §6.2.1, formerly GSM 03.38; concatenation: 3GPP TS 23.040 §9.2.3.24.1):
 * - A text made only of the GSM 7-bit default alphabet and its extension table is sent as GSM-7:
 *   one SMS carries 160 septets. An extension character (€, [, ], {, }, \, ^, ~, |, form feed) is
 *   sent as ESC + the character, so it takes two septets, and the pair is never split across segments.
 * - Any other character makes the whole text UCS-2: one SMS carries 70 UTF-16 code units; a
 *   character outside the Basic Multilingual Plane (an emoji) takes two, and the surrogate pair is
 *   never split across segments.
 * - A longer text is a concatenated SMS: the 6-byte user data header leaves 153 septets (GSM-7) or
 *   67 code units (UCS-2) per segment.
 */

/** The GSM 7-bit default alphabet (TS 23.038 §6.2.1), minus 0x1B, the escape to the extension table. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table's characters (TS 23.038 §6.2.1.1): two septets each (ESC + character). */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'gsm7' | 'ucs2';

export const SMS_LIMITS = {
  gsm7: { single: 160, segment: 153 },
  ucs2: { single: 70, segment: 67 },
} as const;

/** GSM-7 when every character is in the default alphabet or its extension, else UCS-2. */
export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return 'ucs2';
  }
  return 'gsm7';
}

/** Units one character takes: septets (GSM-7) or UTF-16 code units (UCS-2). */
function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return char.length;
  return GSM7_EXTENSION.has(char) ? 2 : 1;
}

/** Length of the text in the units of its encoding (septets or UTF-16 code units). */
export function smsLength(text: string, encoding: SmsEncoding = smsEncoding(text)): number {
  let units = 0;
  for (const char of text) units += unitsOf(char, encoding);
  return units;
}

/**
 * The segments the text arrives in: one when it fits a single SMS, else parts of at most 153
 * septets / 67 code units, cut between characters (an escape pair or a surrogate pair stays whole).
 * An empty text is one empty SMS.
 */
export function smsSegments(text: string): string[] {
  const encoding = smsEncoding(text);
  const limits = SMS_LIMITS[encoding];
  if (smsLength(text, encoding) <= limits.single) return [text];
  const segments: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const units = unitsOf(char, encoding);
    if (used + units > limits.segment) {
      segments.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += units;
  }
  if (current !== '') segments.push(current);
  return segments;
}
