/**
 * Lookup columns from `$metadata` (EDMX XML, reference §1.1). A lookup is a scalar `PriorityId` plus a
 * navigation property `Priority` of type `Terrasoft.Configuration.OData.CasePriority` (SUMMARY facts 1
 * and 4); the ReferentialConstraint `Property="PriorityId"` ties the two together. Where a host leaves
 * the constraint out, the `<Nav>Id` naming convention ties them instead.
 *
 * A small tag scanner rather than an XML library: the engine may use only small pure libraries, and
 * only these few elements matter here.
 */

/** entity → (lookup column → target entity). */
export type LookupMap = Map<string, Map<string, string>>;

const TAG_RE = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(EntityType|NavigationProperty|ReferentialConstraint|Property)\b([^>]*?)(\/?)>/g;
const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;

function decodeXml(value: string): string {
  return value
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(ATTR_RE)) found.set(match[1]!, decodeXml(match[2]!));
  return found;
}

/** `Terrasoft.Configuration.OData.CasePriority` → `CasePriority`; collections are not lookups. */
function targetOf(type: string | undefined): string | undefined {
  if (!type || type.startsWith('Collection(')) return undefined;
  return type.slice(type.lastIndexOf('.') + 1) || undefined;
}

interface Nav {
  name: string;
  target: string;
  constrained: boolean;
}

/** Reads every entity's lookup columns; returns undefined when the text holds no EntityType at all. */
export function parseLookups(xml: string): LookupMap | undefined {
  const result: LookupMap = new Map();
  let entity: Map<string, string> | undefined;
  let navs: Nav[] = [];
  let nav: Nav | undefined;
  let properties = new Set<string>();
  let sawEntity = false;
  for (const match of xml.matchAll(TAG_RE)) {
    const [, closing, element, attrText = '', selfClosing] = match;
    if (element === 'EntityType') {
      if (closing) {
        if (entity) addConventionalLookups(entity, navs, properties);
        entity = undefined;
        continue;
      }
      const name = attributes(attrText).get('Name');
      sawEntity = true;
      if (!name) continue;
      entity = new Map();
      navs = [];
      properties = new Set();
      result.set(name, entity);
      if (selfClosing) entity = undefined;
    } else if (element === 'NavigationProperty') {
      if (closing) {
        nav = undefined;
        continue;
      }
      const attrs = attributes(attrText);
      const target = targetOf(attrs.get('Type'));
      const name = attrs.get('Name');
      const found = entity && name && target ? { name, target, constrained: false } : undefined;
      if (found) navs.push(found);
      nav = selfClosing ? undefined : found;
    } else if (element === 'Property') {
      const name = attributes(attrText).get('Name');
      if (name && !closing) properties.add(name);
    } else if (element === 'ReferentialConstraint' && !closing && entity && nav) {
      const column = attributes(attrText).get('Property');
      if (column) {
        entity.set(column, nav.target);
        nav.constrained = true;
      }
    }
  }
  return sawEntity ? result : undefined;
}

function addConventionalLookups(entity: Map<string, string>, navs: Nav[], properties: Set<string>): void {
  for (const nav of navs) {
    const column = `${nav.name}Id`;
    if (!nav.constrained && properties.has(column) && !entity.has(column)) entity.set(column, nav.target);
  }
}
