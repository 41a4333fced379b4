import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { ChangeRequest, DataStore } from '../store/store.types';
import { StoreError } from '../store/store.types';
import { buildMetadataXml, buildServiceDocument } from '../schema/metadata';
import { prepareInsert, prepareUpdate } from '../records';
import { ODataHttpError, invalidQuery } from './odata-error';
import { parseQueryOptions } from './query-options';
import { runQuery } from './query-runner';
import { serializeRecord } from './serialize';
import { collectionJsonBytes, entityJson, recordJson, recordJsonBytes, wholeRecords } from './record-json';
import { noResource, parseResourcePath } from './resource-path';
import type { ResourcePath } from './resource-path';
import { dbError, parseJsonBody } from './write-errors';

/** One OData request, from HTTP or from a `$batch` part: the same code answers both. */
export interface ODataRequest {
  method: string;
  /** Path below the service root, e.g. `Case(…)`; percent-encoded as received. */
  path: string;
  query: URLSearchParams;
  body?: string;
  contentType?: string;
  /** Contact of the signed-in user (CreatedById, OwnerId defaults). */
  userContactId: string;
  /** Absolute URL of the service root, e.g. `http://127.0.0.1:5000/0/odata`. */
  serviceRoot: string;
  /**
   * Inside a `$batch`: a write hands its durability here instead of waiting for it, and the batch
   * waits for all of them before it answers (store.types.ts, `apply`). Absent: a write answers once durable.
   */
  deferDurable?: (durable: Promise<void>) => void;
}

export interface ODataResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON body, or text for `$metadata`, `$count` and `$value`. */
  json?: unknown;
  /** A JSON body already serialised (record reads splice cached record texts); used instead of `json`. */
  jsonText?: string;
  /** A JSON body as UTF-8 pieces, sent in order (a list spliced from the records' cached bytes); used instead of `json`. */
  jsonBytes?: readonly Buffer[];
  text?: string;
}

export interface ODataServiceOptions {
  model: SchemaModel;
  store: DataStore;
  /** Canonical "now" for CreatedOn/ModifiedOn (values.ts). */
  now: () => string;
}

/** Answers OData requests against the store: the whole Creatio OData 4 surface of the simulator. */
export function createODataService(options: ODataServiceOptions) {
  const { model, store } = options;
  const tableOf = (entity: string) => store.table(entity);
  const sequences = new Map<string, number>();
  let metadataXml: string | undefined;

  function nextSequence(entity: string, column: string): number {
    const key = `${entity}.${column}`;
    let current = sequences.get(key);
    if (current === undefined) {
      current = 0;
      for (const record of tableOf(entity)?.all() ?? []) {
        const digits = /(\d+)$/.exec(String(record[column] ?? ''));
        if (digits) current = Math.max(current, Number(digits[1]));
      }
    }
    sequences.set(key, current + 1);
    return current + 1;
  }

  function entityOrNotFound(path: string, entity: string) {
    const def = model.entity(entity);
    if (!def) throw noResource(path);
    return def;
  }

  function getRecord(entity: string, key: string): EntityRecord {
    const record = tableOf(entity)?.get(key);
    if (!record) {
      throw new ODataHttpError(404, `The entity '${entity}' with key '${key}' was not found.`, {
        message: `No ${entity} record with Id '${key}'.`,
      });
    }
    return record;
  }

  function jsonHeaders(headers: Record<string, string>): Record<string, string> {
    return { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8', 'OData-Version': '4.0', ...headers };
  }

  function json(status: number, body: unknown, headers: Record<string, string> = {}): ODataResponse {
    return { status, headers: jsonHeaders(headers), json: body };
  }

  function jsonText(status: number, text: string): ODataResponse {
    return { status, headers: jsonHeaders({}), jsonText: text };
  }

  function readCollection(req: ODataRequest, entity: string, count: boolean): ODataResponse {
    const query = parseQueryOptions(model, entity, req.query);
    if (count) {
      const { rows } = runQuery(model, tableOf, entity, { ...query, top: undefined, skip: undefined, count: false });
      return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'OData-Version': '4.0' }, text: String(rows.length) };
    }
    const result = runQuery(model, tableOf, entity, query);
    const selectPart = query.select ? `(${query.select.join(',')})` : '';
    const body: Record<string, unknown> = { '@odata.context': `${req.serviceRoot}/$metadata#${entity}${selectPart}` };
    if (result.count !== undefined) body['@odata.count'] = result.count;
    if (wholeRecords(query)) {
      return { status: 200, headers: jsonHeaders({}), jsonBytes: collectionJsonBytes(body, result.rows.map((row) => recordJsonBytes(model, tableOf, entity, row))) };
    }
    body.value = result.rows.map((row) => serializeRecord(model, tableOf, entity, row, query));
    return json(200, body);
  }

  function readEntity(req: ODataRequest, path: Extract<ResourcePath, { kind: 'entity' }>): ODataResponse {
    const query = parseQueryOptions(model, path.entity, req.query);
    for (const [name, present] of [['$filter', query.filter], ['$orderby', query.orderby], ['$top', query.top], ['$skip', query.skip]] as const) {
      if (present !== undefined) throw invalidQuery(`The query option '${name}' is not allowed on a single entity.`);
    }
    const record = getRecord(path.entity, path.key);
    if (path.property) {
      const column = model.column(path.entity, path.property);
      if (!column) throw noResource(req.path);
      const value = record[path.property];
      if (path.value) return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, text: String(value ?? '') };
      return json(200, { '@odata.context': `${req.serviceRoot}/$metadata#${path.entity}(${path.key})/${path.property}`, value });
    }
    const context = { '@odata.context': `${req.serviceRoot}/$metadata#${path.entity}/$entity` };
    if (wholeRecords(query)) return jsonText(200, entityJson(context, recordJson(model, tableOf, path.entity, record)));
    const body = serializeRecord(model, tableOf, path.entity, record, query);
    return json(200, { ...context, ...body });
  }

  async function commit(req: ODataRequest, changes: ChangeRequest[]): Promise<void> {
    let durable: Promise<void>;
    try {
      durable = store.apply(changes).durable;
    } catch (error) {
      if (error instanceof StoreError && error.code === 'DUPLICATE_KEY') {
        const entity = changes[0]?.entity ?? '';
        throw dbError(`23505: duplicate key value violates unique constraint "PK${entity}Id"`);
      }
      throw error;
    }
    if (req.deferDurable) req.deferDurable(durable);
    else await durable;
  }

  async function create(req: ODataRequest, entity: string): Promise<ODataResponse> {
    const body = parseJsonBody(req.body, req.contentType);
    const record = prepareInsert(writeContext(req), entity, body);
    await commit(req, [{ kind: 'insert', entity, record }]);
    const id = String(record.Id);
    const payload = serializeRecord(model, tableOf, entity, record, {});
    // Creatio answers POST with 201 and the full entity (reference/creatio-api.md §1.5).
    return json(201, { '@odata.context': `${req.serviceRoot}/$metadata#${entity}/$entity`, ...payload }, {
      Location: `${req.serviceRoot}/${entity}(${id})`,
    });
  }

  async function update(req: ODataRequest, entity: string, key: string): Promise<ODataResponse> {
    const existing = getRecord(entity, key);
    const body = parseJsonBody(req.body, req.contentType);
    const record = prepareUpdate(writeContext(req), entity, existing, body);
    await commit(req, [{ kind: 'update', entity, record }]);
    // PATCH answers 204 No Content with no body (reference §1.5).
    return { status: 204, headers: {} };
  }

  async function remove(req: ODataRequest, entity: string, key: string): Promise<ODataResponse> {
    getRecord(entity, key);
    for (const def of model.entities) {
      for (const column of def.columns) {
        if (column.lookup?.entity !== entity) continue;
        if ((tableOf(def.name)?.lookup(column.name, key).length ?? 0) > 0) {
          throw dbError(`23503: update or delete on table "${entity}" violates foreign key constraint "FK${def.name}${entity}${column.name}" on table "${def.name}"`);
        }
      }
    }
    await commit(req, [{ kind: 'delete', entity, id: key }]);
    return { status: 204, headers: {} };
  }

  function writeContext(req: ODataRequest) {
    return { model, table: tableOf, now: options.now(), userContactId: req.userContactId, nextSequence };
  }

  function notAllowed(allow: string): never {
    throw new ODataHttpError(405, 'The requested resource does not support this HTTP method.', undefined, { Allow: allow });
  }

  /** Answers one request. Throws ODataHttpError for anything a client got wrong. */
  async function handle(req: ODataRequest): Promise<ODataResponse> {
    const path = parseResourcePath(req.path);
    const method = req.method.toUpperCase();
    switch (path.kind) {
      case 'serviceDocument':
        if (method !== 'GET') notAllowed('GET');
        return json(200, buildServiceDocument(model, `${req.serviceRoot}/$metadata`));
      case 'metadata':
        if (method !== 'GET') notAllowed('GET');
        metadataXml ??= buildMetadataXml(model);
        return { status: 200, headers: { 'Content-Type': 'application/xml; charset=utf-8', 'OData-Version': '4.0' }, text: metadataXml };
      case 'batch':
        throw new ODataHttpError(400, 'A $batch request cannot be nested in a $batch request.');
      case 'collection':
        entityOrNotFound(req.path, path.entity);
        if (method === 'GET') return readCollection(req, path.entity, path.count);
        if (method === 'POST' && !path.count) return create(req, path.entity);
        return notAllowed(path.count ? 'GET' : 'GET, POST');
      case 'entity':
        entityOrNotFound(req.path, path.entity);
        if (method === 'GET') return readEntity(req, path);
        if (path.property) notAllowed('GET');
        if (method === 'PATCH') return update(req, path.entity, path.key);
        if (method === 'DELETE') return remove(req, path.entity, path.key);
        return notAllowed('GET, PATCH, DELETE');
    }
  }

  return { handle };
}

export type ODataService = ReturnType<typeof createODataService>;

/** A piece of an answer's JSON: text, or UTF-8 bytes. */
export type JsonPiece = string | Buffer;

/** An answer's JSON in the pieces to send (`jsonBytes`, or `jsonText` or `json` serialised as one); undefined for text. */
export function responseJsonPieces(response: ODataResponse): readonly JsonPiece[] | undefined {
  if (response.jsonBytes !== undefined) return response.jsonBytes;
  if (response.jsonText !== undefined) return [response.jsonText];
  return response.json !== undefined ? [JSON.stringify(response.json)] : undefined;
}

/** An answer's JSON as one string; undefined for text. */
export function responseJson(response: ODataResponse): string | undefined {
  if (response.jsonBytes !== undefined) return Buffer.concat(response.jsonBytes).toString('utf8');
  return responseJsonPieces(response)?.join('');
}
