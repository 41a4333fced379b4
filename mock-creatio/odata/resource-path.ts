import { ODataHttpError } from './odata-error';

/** A parsed OData resource path below the service root. */
export type ResourcePath =
  | { kind: 'serviceDocument' }
  | { kind: 'metadata' }
  | { kind: 'batch' }
  | { kind: 'collection'; entity: string; count: boolean }
  | { kind: 'entity'; entity: string; key: string; property?: string; value?: boolean };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/;

/** 404 in the wording of ASP.NET Web API, which Creatio's OData service runs on. */
export function noResource(path: string): ODataHttpError {
  return new ODataHttpError(404, `No HTTP resource was found that matches the request URI '${path}'.`, {
    message: `No route data was found for this request: '${path}'.`,
  });
}

/**
 * Parses `Case`, `Case/$count`, `Case(<guid>)`, `Case(<guid>)/Subject`, `Case(<guid>)/Subject/$value`.
 * Keys are bare GUIDs (reference/creatio-api.md §1 fact 2): `Case('…')` and `Case(guid'…')` (OData 3)
 * are rejected with 400.
 */
export function parseResourcePath(rawPath: string): ResourcePath {
  const path = safeDecode(rawPath).replace(/^\/+|\/+$/g, '');
  if (path === '') return { kind: 'serviceDocument' };
  if (path === '$metadata') return { kind: 'metadata' };
  if (path === '$batch') return { kind: 'batch' };
  const segments = path.split('/');
  const head = SEGMENT.exec(segments[0] ?? '');
  if (!head) throw noResource(rawPath);
  const entity = head[1]!;
  const keyText = head[2];
  if (keyText === undefined) {
    if (segments.length === 1) return { kind: 'collection', entity, count: false };
    if (segments.length === 2 && segments[1] === '$count') return { kind: 'collection', entity, count: true };
    throw noResource(rawPath);
  }
  const key = keyText.trim();
  if (!GUID.test(key)) {
    throw new ODataHttpError(400, `The key value '${keyText}' in the request URI is not valid for resource '${entity}': a key is an unquoted GUID, e.g. ${entity}(f3ed4f55-894b-42bc-b5a1-f10b9d0bc03f).`, {
      message: `Unrecognized 'Edm.Guid' literal '${keyText}'.`,
    });
  }
  if (segments.length === 1) return { kind: 'entity', entity, key: key.toLowerCase() };
  const property = segments[1];
  if (!property || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(property) || segments.length > 3) throw noResource(rawPath);
  if (segments.length === 3 && segments[2] !== '$value') throw noResource(rawPath);
  return { kind: 'entity', entity, key: key.toLowerCase(), property, value: segments.length === 3 };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ODataHttpError(400, `The request URI '${text}' is not valid: bad percent-encoding.`);
  }
}
