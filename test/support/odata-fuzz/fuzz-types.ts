/**
 * The fuzz kit's own view of the schema and data, structurally compatible with mock-creatio's
 * EntityDef / EntityRecord / Table. Written out here (not imported) so the kit stays independent of
 * the code it checks and test/ only reaches mock-creatio through its public face.
 */
export type FuzzEdmType =
  | 'Edm.Guid' | 'Edm.String' | 'Edm.Int32' | 'Edm.Decimal' | 'Edm.Boolean' | 'Edm.DateTimeOffset';

export interface FuzzColumn {
  readonly name: string;
  readonly type: FuzzEdmType;
  readonly lookup?: { readonly nav: string; readonly entity: string };
}

export interface FuzzEntity {
  readonly name: string;
  readonly displayColumn: string;
  readonly columns: readonly FuzzColumn[];
}

export type FuzzRecord = Record<string, string | number | boolean>;

/** Same shape as mock-creatio's Table (store.types.ts). */
export interface FuzzTable {
  readonly entity: FuzzEntity;
  readonly size: number;
  get(id: string): FuzzRecord | undefined;
  all(): Iterable<FuzzRecord>;
  lookup(column: string, value: string | number | boolean): readonly FuzzRecord[];
}

/** Creatio's empty lookup and empty date as served (reference/creatio-api.md §1.4). */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
export const EMPTY_DATE = '0001-01-01T00:00:00Z';
