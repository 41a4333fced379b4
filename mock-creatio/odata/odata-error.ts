import { edmTypeName } from '../schema/schema.types';

/**
 * An error a route throws; the error middleware writes it in Creatio's OData 4 error shape
 * `{"error":{"code":"","message":...,"innererror":{"message":...,"type":"","stacktrace":""}}}`
 * (reference/creatio-api.md §1.6: `code` is empty in every observed Creatio body).
 */
export class ODataHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly inner?: { message: string; type?: string },
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ODataHttpError';
  }

  /** The JSON body Creatio sends for this error. */
  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: '', message: this.message };
    if (this.inner) {
      error.innererror = { message: this.inner.message, type: this.inner.type ?? '', stacktrace: '' };
    }
    return { error };
  }
}

const URI_NOT_VALID = 'The query specified in the URI is not valid.';

/** 400 for a query-option problem, worded as Creatio's OData layer words it. */
export function invalidQuery(detail: string): ODataHttpError {
  return new ODataHttpError(400, `${URI_NOT_VALID} ${detail}`, { message: detail });
}

/** 400 "Could not find a property named 'Foo' on type 'Terrasoft.Configuration.OData.Case'." (§1.6) */
export function unknownProperty(property: string, entity: string): ODataHttpError {
  return invalidQuery(`Could not find a property named '${property}' on type '${edmTypeName(entity)}'.`);
}

const OPERATOR_KINDS: Record<string, string> = {
  eq: 'Equal', ne: 'NotEqual', gt: 'GreaterThan', ge: 'GreaterThanOrEqual', lt: 'LessThan', le: 'LessThanOrEqual',
};

/**
 * 400 "A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and
 * 'Edm.String' for operator kind 'Equal'." — what Creatio says to a quoted GUID or date (§1.6).
 */
export function incompatibleTypes(left: string, right: string, operator: string): ODataHttpError {
  const kind = OPERATOR_KINDS[operator] ?? operator;
  return invalidQuery(
    `A binary operator with incompatible types was detected. Found operand types '${left}' and '${right}' for operator kind '${kind}'.`,
  );
}

/** 400 for syntax the simulator does not implement: names the unsupported part (never ignored). */
export function unsupported(what: string, where?: number): ODataHttpError {
  const at = where === undefined ? '' : ` at position ${where}`;
  return invalidQuery(`${what}${at} is not supported by the Case Sync Lab simulator.`);
}

/** 404 for a key that does not exist. Wording UNCONFIRMED (reference §Unknowns 5): see docs/fidelity.md. */
export function notFound(entity: string, id: string): ODataHttpError {
  return new ODataHttpError(404, `No HTTP resource was found for '${entity}(${id})'.`, {
    message: `Entity '${entity}' with key '${id}' was not found.`,
  });
}
