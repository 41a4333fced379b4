import type { SchemaModel } from '../schema/model';
import { invalidQuery, ODataHttpError, unsupported } from './odata-error';
import { compileFilter } from './filter-compiler';
import { parseFilter } from './filter-parser';
import { parseExpand, parseOrderBy, parseSelect } from './option-parsers';
import type { QueryOptions } from './query.types';

/**
 * Validates and parses the query options of a collection GET (reference/creatio-api.md §1.3).
 * Strict on purpose (reference/peers.md §4a: a mock that ignores what it does not understand hides
 * client bugs): any unknown or unsupported `$` option or syntax is a named 400.
 * Parameters without `$` are custom query options and are ignored, as OData 4 specifies.
 */

const SUPPORTED = new Set(['$filter', '$select', '$expand', '$orderby', '$top', '$skip', '$count']);
const KNOWN_UNSUPPORTED = new Set([
  '$search', '$apply', '$compute', '$skiptoken', '$deltatoken', '$format', '$levels', '$index', '$schemaversion',
  '$id', '$value', '$callback',
]);
const MAX_INT32 = 2_147_483_647;

export function parseQueryOptions(model: SchemaModel, entity: string, query: URLSearchParams): QueryOptions {
  try {
    return parse(model, entity, query);
  } catch (err) {
    if (err instanceof ODataHttpError) throw err;
    // Defensive: the parsers only throw ODataHttpError; anything else (a stack overflow on some
    // pathological input) is still the client's bad query, not a server fault.
    throw invalidQuery('The query could not be parsed.');
  }
}

function parse(model: SchemaModel, entity: string, query: URLSearchParams): QueryOptions {
  if (!model.entity(entity)) throw new ODataHttpError(404, `The entity set '${entity}' was not found.`);
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (!name.startsWith('$')) continue;
    if (values.has(name)) {
      throw invalidQuery(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    }
    if (KNOWN_UNSUPPORTED.has(name)) throw unsupported(`The query option '${name}'`);
    if (!SUPPORTED.has(name)) throw invalidQuery(`The query parameter '${name}' is not supported.`);
    if (value.trim() === '') throw invalidQuery(`The value for OData query '${name}' cannot be empty.`);
    values.set(name, value);
  }
  const select = values.has('$select') ? parseSelect(model, entity, values.get('$select') as string) : undefined;
  const expand = values.has('$expand') ? parseExpand(model, entity, values.get('$expand') as string) : undefined;
  const filterText = values.get('$filter');
  const filter = filterText === undefined ? undefined : compileFilter(model, entity, parseFilter(filterText), filterText);
  const orderby = values.has('$orderby') ? parseOrderBy(model, entity, values.get('$orderby') as string) : undefined;
  const top = parseCount('$top', values.get('$top'));
  const skip = parseCount('$skip', values.get('$skip'));
  const count = parseBoolean(values.get('$count'));
  return {
    count,
    ...(filter ? { filter } : {}),
    ...(select ? { select } : {}),
    ...(expand ? { expand } : {}),
    ...(orderby ? { orderby } : {}),
    ...(top === undefined ? {} : { top }),
    ...(skip === undefined ? {} : { skip }),
  };
}

function parseCount(name: '$top' | '$skip', text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n <= MAX_INT32)) {
    throw invalidQuery(`Invalid value '${text}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
  }
  return n;
}

function parseBoolean(text: string | undefined): boolean {
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw invalidQuery(`'${text}' is not a valid count option.`);
}
