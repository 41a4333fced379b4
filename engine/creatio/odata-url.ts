import { EngineError } from '../engine-error';

/** OData query options the engine sends (reference/creatio-api.md §1.3). */
export interface ODataQuery {
  filter?: string;
  select?: readonly string[];
  orderby?: string;
  top?: number;
  expand?: string;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** OData string literal: single quotes, a quote inside doubled: `'it''s'` (reference §1.3). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A collection name or column name as Creatio spells it; anything else is our bug, not Creatio's. */
export function assertName(kind: string, name: string): void {
  if (!NAME_RE.test(name)) {
    throw new EngineError('CREATIO_BAD_REQUEST', `${kind} "${name}" is not a valid Creatio name`, { [kind]: name });
  }
}

/** Keys are bare GUIDs, no quotes (reference SUMMARY fact 2); validated so nothing else reaches the path. */
export function assertGuid(id: string): void {
  if (!GUID_RE.test(id)) throw new EngineError('CREATIO_BAD_REQUEST', `"${id}" is not a GUID`, { id });
}

/** `/0/odata/Case` or `/0/odata/Case(<guid>)` (reference §1.1: `{site}/0/odata/{collection}({id})`). */
export function entityPath(entity: string, id?: string): string {
  assertName('entity', entity);
  if (id === undefined) return `/0/odata/${entity}`;
  assertGuid(id);
  return `/0/odata/${entity}(${id})`;
}

/**
 * The query string, each value percent-encoded (`$filter=Email%20eq%20'a%40b'`); the `$` of option
 * names stays literal as in Creatio's docs. Empty options are left out.
 */
export function queryString(query: ODataQuery): string {
  const parts: string[] = [];
  if (query.filter !== undefined && query.filter !== '') parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.select && query.select.length > 0) {
    for (const column of query.select) assertName('column', column);
    parts.push(`$select=${query.select.join(',')}`);
  }
  if (query.orderby !== undefined && query.orderby !== '') parts.push(`$orderby=${encodeURIComponent(query.orderby)}`);
  if (query.top !== undefined) {
    if (!Number.isInteger(query.top) || query.top < 0) {
      throw new EngineError('CREATIO_BAD_REQUEST', `$top must be a whole number >= 0, got ${query.top}`, { top: query.top });
    }
    parts.push(`$top=${query.top}`);
  }
  if (query.expand !== undefined && query.expand !== '') parts.push(`$expand=${encodeURIComponent(query.expand)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * The identity service's token URL. Creatio cloud serves it on the site host with `-is` appended
 * (`https://acme.creatio.com` → `https://acme-is.creatio.com/connect/token`, reference §2.2); elsewhere
 * (on-site, the simulator) we assume the site itself serves `/connect/token`.
 */
export function defaultTokenUrl(instanceUrl: string): string {
  const url = new URL(instanceUrl);
  const cloud = /^([a-z0-9-]+)\.creatio\.com$/i.exec(url.hostname);
  if (cloud) return `https://${cloud[1]}-is.creatio.com/connect/token`;
  return `${instanceUrl}/connect/token`;
}
