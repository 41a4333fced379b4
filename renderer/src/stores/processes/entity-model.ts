/**
 * The objects of the Creatio site as the process editor needs them: each object's columns and its
 * lookups (navigation property, the column holding the Id, the object it points at). Read from the
 * OData `$metadata` (EDMX 4.0: reference/creatio-api.md §1.1), so it works against a real site too.
 */

export interface ColumnInfo {
  name: string;
  /** EDM type: `Edm.Guid`, `Edm.String`, `Edm.DateTimeOffset`... */
  type: string;
}

export interface LookupInfo {
  /** Navigation property: `Case`, `Type`, `Status`. */
  nav: string;
  /** The column holding the linked record's Id: `CaseId`, `TypeId`. */
  column: string;
  /** The object it points at: `Case`, `ActivityType`. */
  target: string;
}

export interface EntityInfo {
  name: string;
  columns: ColumnInfo[];
  lookups: LookupInfo[];
}

export type EntityModel = Record<string, EntityInfo>;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Parses the EDMX document; an unreadable one gives an empty model (the editor then offers no completion). */
export function parseMetadata(xml: string): EntityModel {
  const model: EntityModel = {};
  for (const match of xml.matchAll(/<EntityType\b([^>]*)>([\s\S]*?)<\/EntityType>/g)) {
    const name = attr(match[1]!, 'Name');
    if (!name) continue;
    const body = match[2]!;
    const columns: ColumnInfo[] = [];
    for (const tag of body.matchAll(/<Property\b[^>]*>/g)) {
      const column = attr(tag[0], 'Name');
      if (column) columns.push({ name: unescape(column), type: attr(tag[0], 'Type') ?? 'Edm.String' });
    }
    const lookups: LookupInfo[] = [];
    for (const nav of body.matchAll(/<NavigationProperty\b([^>]*?)(\/>|>([\s\S]*?)<\/NavigationProperty>)/g)) {
      const navName = attr(nav[1]!, 'Name');
      const type = attr(nav[1]!, 'Type');
      const column = nav[3] ? attr(nav[3], 'Property') : undefined;
      if (!navName || !type || type.startsWith('Collection(')) continue;
      lookups.push({ nav: unescape(navName), column: column ? unescape(column) : `${unescape(navName)}Id`, target: unescape(type.split('.').pop()!) });
    }
    model[unescape(name)] = { name: unescape(name), columns, lookups };
  }
  return model;
}

/** The lookup of `entity` named by a navigation property or its Id column (`Case` or `CaseId`). */
export function lookupOf(model: EntityModel, entity: string, name: string): LookupInfo | undefined {
  const lookups = model[entity]?.lookups ?? [];
  return lookups.find((l) => l.nav === name) ?? lookups.find((l) => l.column === name);
}

/**
 * Filter columns of `entity` (`Subject`, `TypeId`) and paths through its lookups (`Type/Name`,
 * `Case/Status/Name`), up to `depth` lookups deep: what the filter builder offers (deeper paths can be typed).
 */
export function filterPaths(model: EntityModel, entity: string, depth = 1): string[] {
  const out: string[] = [];
  const walk = (current: string, prefix: string, left: number) => {
    const info = model[current];
    if (!info) return;
    for (const column of info.columns) out.push(`${prefix}${column.name}`);
    if (left === 0) return;
    for (const lookup of info.lookups) walk(lookup.target, `${prefix}${lookup.nav}/`, left - 1);
  };
  walk(entity, '', depth);
  return out;
}

/** The object a filter path's last segment belongs to, and that segment; undefined when a lookup on the way names nothing. */
function endOfPath(model: EntityModel, entity: string, path: string): { entity: string; last: string } | undefined {
  const segments = path.split('/');
  let current = entity;
  for (const segment of segments.slice(0, -1)) {
    const lookup = lookupOf(model, current, segment);
    if (!lookup) return undefined;
    current = lookup.target;
  }
  return { entity: current, last: segments[segments.length - 1] ?? '' };
}

/** The column at the end of a filter path, or undefined when the path names nothing. */
export function columnAt(model: EntityModel, entity: string, path: string): ColumnInfo | undefined {
  const end = endOfPath(model, entity, path);
  return end && model[end.entity]?.columns.find((c) => c.name === end.last);
}

/** The object a lookup column points at (`TypeId` on Activity → `ActivityType`), for the value picker. */
export function lookupTargetOf(model: EntityModel, entity: string, path: string): string | undefined {
  const end = endOfPath(model, entity, path);
  return end && model[end.entity]?.lookups.find((l) => l.column === end.last)?.target;
}

/** A column good for showing a record in a list (Creatio's primary display column, mostly). */
export function displayColumnOf(info: EntityInfo | undefined): string | undefined {
  const names = new Set(info?.columns.map((c) => c.name));
  return ['Title', 'Name', 'Subject', 'Caption', 'Number'].find((n) => names.has(n));
}
