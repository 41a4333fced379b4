/**
 * Reading values out of OData records for expectations: navigation paths (`Status/Name`) become a
 * nested `$expand`, and values compare the way a person means them (GUIDs in any case, an unset
 * lookup — Creatio's zero GUID, reference/creatio-api.md §7 — equal to null).
 */

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ExpandNode {
  select: Set<string>;
  children: Map<string, ExpandNode>;
}

const node = (): ExpandNode => ({ select: new Set(), children: new Map() });

/** The `$expand` value for the navigation paths among `paths` (`Status/Name` → `Status($select=Name)`), '' when none. */
export function expandFor(paths: string[]): string {
  const root = node();
  for (const path of paths) {
    const parts = path.split('/');
    if (parts.length < 2) continue;
    let at = root;
    for (const part of parts.slice(0, -1)) {
      let child = at.children.get(part);
      if (!child) at.children.set(part, (child = node()));
      at = child;
    }
    at.select.add(parts.at(-1)!);
  }
  return render(root);
}

function render(at: ExpandNode): string {
  return [...at.children].map(([name, child]) => {
    const options = [
      child.select.size ? `$select=${[...child.select].join(',')}` : '',
      child.children.size ? `$expand=${render(child)}` : '',
    ].filter(Boolean).join(';');
    return options ? `${name}(${options})` : name;
  }).join(',');
}

/** The value at `path` (`Subject`, `Status/Name`) of a record read with `expandFor`. */
export function fieldValue(record: Record<string, unknown>, path: string): unknown {
  let at: unknown = record;
  for (const part of path.split('/')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** True when the record's value is what the scenario wrote. */
export function sameValue(got: unknown, want: string | number | boolean | null): boolean {
  if (want === null) return got === null || got === undefined || got === '' || got === ZERO_GUID;
  if (typeof want === 'string' && typeof got === 'string' && GUID_RE.test(want)) return got.toLowerCase() === want.toLowerCase();
  if (typeof want === 'number' && typeof got === 'string') return Number(got) === want;
  return got === want;
}
