import type { ColumnDef, EntityDef } from './schema.types';

/** Fast name-based access to the entity definitions. */
export interface SchemaModel {
  readonly entities: readonly EntityDef[];
  entity(name: string): EntityDef | undefined;
  column(entity: string, property: string): ColumnDef | undefined;
  /** The lookup column whose navigation property is `nav` (`Status` → `StatusId`). */
  navigation(entity: string, nav: string): ColumnDef | undefined;
}

/** Indexes entity definitions by name, column name and navigation name. */
export function createSchemaModel(defs: readonly EntityDef[]): SchemaModel {
  const byName = new Map<string, EntityDef>();
  const columns = new Map<string, Map<string, ColumnDef>>();
  const navs = new Map<string, Map<string, ColumnDef>>();
  for (const def of defs) {
    byName.set(def.name, def);
    const cols = new Map<string, ColumnDef>();
    const nav = new Map<string, ColumnDef>();
    for (const col of def.columns) {
      cols.set(col.name, col);
      if (col.lookup) nav.set(col.lookup.nav, col);
    }
    columns.set(def.name, cols);
    navs.set(def.name, nav);
  }
  return {
    entities: defs,
    entity: (name) => byName.get(name),
    column: (entity, property) => columns.get(entity)?.get(property),
    navigation: (entity, nav) => navs.get(entity)?.get(nav),
  };
}
