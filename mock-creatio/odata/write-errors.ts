import { ODataHttpError } from './odata-error';

/**
 * A database failure as Creatio reports it: 500 "An error has occurred." with the Postgres error
 * inside (reference/creatio-api.md §1.6, captured live by clio).
 */
export function dbError(message: string): ODataHttpError {
  return new ODataHttpError(500, 'An error has occurred.', { message, type: 'Npgsql.PostgresException' });
}

/**
 * Parses a write body. A content type other than JSON is 415 (ASP.NET Web API wording); text that
 * is not JSON is 400 "Invalid JSON." followed by where it broke (wording chosen; docs/fidelity.md).
 */
export function parseJsonBody(body: string | undefined, contentType: string | undefined): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ODataHttpError(415, `The request entity's media type '${type || '(none)'}' is not supported for this resource. Send Content-Type: application/json.`);
  }
  if (!body || body.trim() === '') {
    throw new ODataHttpError(400, 'The request body is empty: a JSON object was expected.');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ODataHttpError(400, `Invalid JSON. ${detail}`, { message: detail, type: 'Microsoft.OData.ODataException' });
  }
}
