import type { ColumnDef } from '../schema/schema.types';
import { emptyValue, isNullable } from '../schema/empty-values';
import { isGuid, normalizeGuid, parseDate } from '../schema/values';
import { cannotConvert, nullNotAllowed, tooLong } from './record-errors';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * Turns a JSON value from a write body into the column's canonical stored value (values.ts):
 * GUIDs lowercase, dates in the 7-digit UTC form, null → the empty value. Throws a 400 ODataHttpError
 * naming the property when the JSON type, the GUID or date text, or the length is wrong.
 */
export function toColumnValue(col: ColumnDef, raw: unknown): string | number | boolean {
  if (raw === null) {
    if (!isNullable(col)) throw nullNotAllowed(col);
    return emptyValue(col);
  }
  switch (col.type) {
    case 'Edm.Guid':
      if (typeof raw !== 'string' || !isGuid(raw)) throw cannotConvert(col, raw);
      return normalizeGuid(raw);
    case 'Edm.DateTimeOffset': {
      const date = typeof raw === 'string' ? parseDate(raw) : undefined;
      if (date === undefined) throw cannotConvert(col, raw);
      return date;
    }
    case 'Edm.String':
      if (typeof raw !== 'string') throw cannotConvert(col, raw);
      if (col.maxLength !== undefined && raw.length > col.maxLength) throw tooLong(col, raw.length);
      return raw;
    case 'Edm.Boolean':
      if (typeof raw !== 'boolean') throw cannotConvert(col, raw);
      return raw;
    case 'Edm.Int32':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < INT32_MIN || raw > INT32_MAX) {
        throw cannotConvert(col, raw);
      }
      return raw;
    case 'Edm.Decimal':
      return toDecimal(col, raw);
  }
}

/** A JSON number, or a numeric string as sent under `IEEE754Compatible=true` (reference §1.2). */
function toDecimal(col: ColumnDef, raw: unknown): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw);
  throw cannotConvert(col, raw);
}
