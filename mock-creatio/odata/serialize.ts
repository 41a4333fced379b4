import type { SchemaModel } from '../schema/model';
import { EMPTY_GUID, type EntityRecord } from '../schema/schema.types';
import type { Table } from '../store/store.types';
import type { ExpandOption } from './query.types';

/**
 * Serialises a record for an OData 4 response body (without `@odata` annotations: the route adds
 * them). Properties come in column-definition order whatever the `$select` order (Creatio's
 * serializer follows the EDM; docs/fidelity.md). Expanded navigation properties are nested objects,
 * serialised the same way; an empty or dangling lookup expands to `null`.
 */
export function serializeRecord(
  model: SchemaModel,
  tableOf: (entity: string) => Table | undefined,
  entity: string,
  record: EntityRecord,
  options: { select?: readonly string[]; expand?: readonly ExpandOption[] },
): Record<string, unknown> {
  const def = model.entity(entity);
  const out: Record<string, unknown> = {};
  const select = options.select ? new Set(options.select) : undefined;
  if (def) {
    if (!def.columns.some((c) => c.name === 'Id') && (!select || select.has('Id')) && 'Id' in record) out.Id = record.Id;
    for (const col of def.columns) {
      if (select && !select.has(col.name)) continue;
      const v = record[col.name];
      if (v !== undefined) out[col.name] = v;
    }
  }
  for (const item of options.expand ?? []) {
    const nav = model.navigation(entity, item.nav);
    if (!nav?.lookup) continue;
    const id = record[nav.name];
    const target = typeof id === 'string' && id !== EMPTY_GUID ? tableOf(nav.lookup.entity)?.get(id) : undefined;
    out[item.nav] = target
      ? serializeRecord(model, tableOf, nav.lookup.entity, target, {
          ...(item.select ? { select: item.select } : {}),
          ...(item.expand ? { expand: item.expand } : {}),
        })
      : null;
  }
  return out;
}
