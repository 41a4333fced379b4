import { EMPTY_DATE } from './schema.types';

/**
 * Canonical value forms used by the store, the filter evaluator and the serializer, so that
 * comparisons are plain string/number comparisons.
 *
 * - GUIDs: lowercase, 8-4-4-4-12 (Creatio answers lowercase GUIDs).
 * - Dates: UTC ISO-8601 with 7 fractional digits and `Z`, like "2024-09-16T07:46:44.5045174Z"
 *   (reference/creatio-api.md §1.4), except the empty date which is exactly EMPTY_DATE.
 *   Fixed width, so string order is time order.
 */

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(value: string): boolean {
  return GUID_RE.test(value);
}

export function normalizeGuid(value: string): string {
  return value.toLowerCase();
}

const YEAR_ONE_MS = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
})();

/** Formats epoch milliseconds (plus optional sub-millisecond ticks, 0..9999) in the canonical form. */
export function formatDate(ms: number, subMsTicks = 0): string {
  if (ms === YEAR_ONE_MS && subMsTicks === 0) return EMPTY_DATE;
  const iso = new Date(ms).toISOString(); // 2024-09-16T07:46:44.504Z
  const ticks = String(subMsTicks).padStart(4, '0');
  return `${iso.slice(0, 23)}${ticks}Z`;
}

/**
 * Parses an ISO-8601 date-time with an offset (`2026-09-15T06:00:00Z`, `...+02:00`, up to 7
 * fractional digits) or a bare date (`2026-09-15`) into the canonical form. Returns undefined when
 * the text is not such a date.
 */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  if (
    date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59
  ) {
    return undefined;
  }
  let ms = date.getTime();
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':').map(Number);
    ms -= sign * ((zh ?? 0) * 60 + (zm ?? 0)) * 60_000;
  }
  const digits = frac.padEnd(7, '0');
  ms += Number(digits.slice(0, 3));
  return formatDate(ms, Number(digits.slice(3)));
}
