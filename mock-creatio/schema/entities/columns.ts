import type { ColumnDef, EdmType, EntityDef } from '../schema.types';

/**
 * Small builders for column definitions, so each entity file reads like Creatio's schema list.
 * Property names follow OData 4: a lookup column `Owner` is the Guid property `OwnerId` with the
 * navigation property `Owner` (reference/creatio-api.md §1 fact 4).
 */

type Extra = Omit<ColumnDef, 'name' | 'type'>;

export function text(name: string, maxLength?: number, extra: Extra = {}): ColumnDef {
  return maxLength === undefined ? { name, type: 'Edm.String', ...extra } : { name, type: 'Edm.String', maxLength, ...extra };
}

export function column(name: string, type: EdmType, extra: Extra = {}): ColumnDef {
  return { name, type, ...extra };
}

/** A lookup: `lookup('StatusId', 'CaseStatus')` → Guid `StatusId` + navigation `Status`. */
export function lookup(name: string, entity: string, extra: Extra = {}): ColumnDef {
  if (!name.endsWith('Id')) throw new Error(`lookup column ${name} must end with "Id"`);
  return { name, type: 'Edm.Guid', lookup: { nav: name.slice(0, -2), entity }, ...extra };
}

/**
 * Columns every Creatio entity has: Id, CreatedOn, CreatedBy, ModifiedOn, ModifiedBy,
 * ProcessListeners (reference §3.1). Id is not `system`: a client may supply it on POST (§1.5).
 */
export const BASE_COLUMNS: readonly ColumnDef[] = [
  column('Id', 'Edm.Guid'),
  column('CreatedOn', 'Edm.DateTimeOffset', { system: true, default: { kind: 'now' } }),
  lookup('CreatedById', 'Contact', { system: true, default: { kind: 'currentUserContact' } }),
  column('ModifiedOn', 'Edm.DateTimeOffset', { system: true, default: { kind: 'now' } }),
  lookup('ModifiedById', 'Contact', { system: true, default: { kind: 'currentUserContact' } }),
  column('ProcessListeners', 'Edm.Int32', { system: true, default: { kind: 'value', value: 0 } }),
];

/** An entity with the base columns first, as Creatio serialises them. */
export function entity(
  name: string,
  displayColumn: string,
  columns: readonly ColumnDef[],
  schemaUId?: string,
): EntityDef {
  const all = [...BASE_COLUMNS, ...columns];
  return schemaUId === undefined ? { name, displayColumn, columns: all } : { name, displayColumn, columns: all, schemaUId };
}

/** A Creatio lookup (Id, Name req 250, Description) plus its own extra columns. */
export function lookupEntity(name: string, extra: readonly ColumnDef[] = []): EntityDef {
  return entity(name, 'Name', [text('Name', 250, { required: true }), text('Description', 250), ...extra]);
}
