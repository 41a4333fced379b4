import type { ColumnDef } from './schema.types';
import { EMPTY_DATE, EMPTY_GUID } from './schema.types';

/**
 * The value Creatio returns for a column nobody set: zero GUID for lookups, 0001-01-01 for dates
 * (reference/creatio-api.md §1.4), '' for text, 0 and false for numbers and booleans.
 */
export function emptyValue(col: ColumnDef): string | number | boolean {
  switch (col.type) {
    case 'Edm.Guid':
      return EMPTY_GUID;
    case 'Edm.DateTimeOffset':
      return EMPTY_DATE;
    case 'Edm.String':
      return '';
    case 'Edm.Boolean':
      return false;
    case 'Edm.Int32':
    case 'Edm.Decimal':
      return 0;
  }
}

/** Whether a value counts as "not filled in" for Creatio's required check (numbers/booleans never do). */
export function isEmptyValue(col: ColumnDef, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (col.type) {
    case 'Edm.Guid':
      return value === EMPTY_GUID;
    case 'Edm.DateTimeOffset':
      return value === EMPTY_DATE;
    case 'Edm.String':
      return value === '';
    default:
      return false;
  }
}

/**
 * Whether a column may be null on the wire. Numbers and booleans are NOT NULL columns in Creatio;
 * lookups, dates and text are nullable (an empty value is stored as zero GUID / 0001-01-01 / '').
 * Also used for `Nullable` in $metadata.
 */
export function isNullable(col: ColumnDef): boolean {
  if (col.name === 'Id') return false;
  return col.type === 'Edm.Guid' || col.type === 'Edm.String' || col.type === 'Edm.DateTimeOffset';
}
