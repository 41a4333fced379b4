/**
 * The data model of the simulated Creatio site, described once and used everywhere:
 * by the store (validation, defaults), the OData layer (queries, serialisation) and `$metadata`.
 *
 * Property names are the OData ones: a lookup column `Status` is the scalar property `StatusId`
 * (Edm.Guid) plus the navigation property `Status` (reference/creatio-api.md §1 fact 4).
 */

/** EDM primitive types used by Creatio's OData 4 service for the columns we model. */
export type EdmType =
  | 'Edm.Guid'
  | 'Edm.String'
  | 'Edm.Int32'
  | 'Edm.Decimal'
  | 'Edm.Boolean'
  | 'Edm.DateTimeOffset';

/** How the server fills a column that a POST leaves out. */
export type ColumnDefault =
  | { kind: 'value'; value: string | number | boolean }
  /** Server time at insert (RegisteredOn, StartDate...). */
  | { kind: 'now' }
  /** The contact of the signed-in user (OwnerId, AuthorId, CreatedById...). */
  | { kind: 'currentUserContact' }
  /** A number sequence with a prefix, e.g. Case.Number "SR" + 8 digits. */
  | { kind: 'sequence'; prefix: string; digits: number };

export interface ColumnDef {
  /** OData property name, e.g. `Subject`, `StatusId`. */
  readonly name: string;
  readonly type: EdmType;
  /** Creatio "required" flag: a POST must end up with a non-empty value (after defaults). */
  readonly required?: boolean;
  /** Max length for text columns (Creatio text(50), text(250), text(500)...). Unlimited when absent. */
  readonly maxLength?: number;
  readonly default?: ColumnDefault;
  /** For lookup columns: the navigation property and the entity it points at. */
  readonly lookup?: { readonly nav: string; readonly entity: string };
  /** Maintained by the server only; a client value is ignored (CreatedOn, ModifiedById, Number...). */
  readonly system?: boolean;
}

export interface EntityDef {
  /** Collection and schema name, singular, as Creatio names it: `Case`, `Activity`. */
  readonly name: string;
  /** Creatio schema UId where known (reference §3). Informational. */
  readonly schemaUId?: string;
  /** The primary display column (Case → Number, Activity → Title, lookups → Name). */
  readonly displayColumn: string;
  readonly columns: readonly ColumnDef[];
}

/** A stored record: OData property name → JS value. GUIDs and dates are canonical strings. */
export type EntityRecord = Record<string, string | number | boolean>;

/** The zero GUID Creatio returns for an empty lookup (reference §1.4). */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** The value Creatio returns for an empty date (reference §1.4). */
export const EMPTY_DATE = '0001-01-01T00:00:00Z';

/** OData EDM type name of an entity: `Terrasoft.Configuration.OData.Case` (reference §1 fact 1). */
export function edmTypeName(entity: string): string {
  return `Terrasoft.Configuration.OData.${entity}`;
}
