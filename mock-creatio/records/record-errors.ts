import type { ColumnDef } from '../schema/schema.types';
import { edmTypeName } from '../schema/schema.types';
import { ODataHttpError } from '../odata/odata-error';

/**
 * The errors of the write rules, worded as Creatio's OData layer (ASP.NET OData / ODataLib) words
 * them where known (reference/creatio-api.md §1.6); wording we chose is marked and listed in
 * docs/fidelity.md.
 */

const ODATA_EXCEPTION = 'Microsoft.OData.ODataException';

function badRequest(message: string, type = ODATA_EXCEPTION): ODataHttpError {
  return new ODataHttpError(400, message, { message, type });
}

/** ODataLib's wording when the body is an array or a primitive instead of an object. */
export function notAnObject(body: unknown): ODataHttpError {
  const node = Array.isArray(body) ? 'StartArray' : 'PrimitiveValue';
  return badRequest(
    `An unexpected '${node}' node was found when reading from the JSON reader. A 'StartObject' node was expected.`,
  );
}

/** The standard ASP.NET OData wording for an undeclared property in a write body. */
export function undeclaredProperty(property: string, entity: string): ODataHttpError {
  return badRequest(
    `The property '${property}' does not exist on type '${edmTypeName(entity)}'. Make sure to only use property names that are defined by the type.`,
  );
}

/** Writes go through the `XxxId` scalar (reference §1 fact 4). Wording ours. */
export function navigationInBody(nav: string, column: string, entity: string): ODataHttpError {
  return badRequest(
    `The property '${nav}' is a navigation property of type '${edmTypeName(entity)}' and cannot be written in a request body. Set the lookup through the property '${column}'.`,
  );
}

/** ODataLib's conversion wording, with the property named (the naming is ours). */
export function cannotConvert(col: ColumnDef, value: unknown): ODataHttpError {
  const literal = typeof value === 'string' ? value : JSON.stringify(value);
  return badRequest(
    `Cannot convert the literal '${literal}' to the expected type '${col.type}' of the property '${col.name}'.`,
  );
}

/** ODataLib's wording for null in a non-nullable property. */
export function nullNotAllowed(col: ColumnDef): ODataHttpError {
  const type = `${col.type}[Nullable=False]`;
  return badRequest(
    `A null value was found for the property named '${col.name}', which has the expected type '${type}'. The expected type '${type}' does not allow null values.`,
  );
}

/** Text longer than the column. Ours: real Creatio likely fails in the database (500, 22001). */
export function tooLong(col: ColumnDef, length: number): ODataHttpError {
  return badRequest(
    `The value of the property '${col.name}' is ${length} characters long; the column allows at most ${col.maxLength}.`,
    '',
  );
}

/**
 * Creatio's required-column text, as in clio's fixture `{"error":{"code":"","message":"Column Name is
 * required"}}` (reference §1.6): no innererror. A lookup is named by its column (`Status`), not `StatusId`.
 */
export function columnRequired(col: ColumnDef): ODataHttpError {
  return new ODataHttpError(400, `Column ${col.lookup?.nav ?? col.name} is required`);
}

/** A lookup to a missing record: the database FK violation, 500 (reference §1.6). */
export function foreignKeyViolation(entity: string, col: ColumnDef): ODataHttpError {
  const target = col.lookup?.entity ?? '';
  const message = `23503: insert or update on table "${entity}" violates foreign key constraint "FK${entity}${target}${col.name}"`;
  return new ODataHttpError(500, 'An error has occurred.', { message, type: 'Npgsql.PostgresException' });
}

/** PATCH may not change the key. Wording ours. */
export function keyChanged(entity: string, id: string): ODataHttpError {
  return badRequest(`The key property 'Id' of '${edmTypeName(entity)}' cannot be changed (record ${id}).`);
}

/** Creatio: a case in a final status (Closed, Cancelled) cannot move to another status (reference §3.2). Wording ours. */
export function finalCaseStatus(statusName: string): ODataHttpError {
  return badRequest(
    `The case is in the final status '${statusName}' and its status cannot be changed.`,
    'Terrasoft.Common.ValidateException',
  );
}
