import { ODataHttpError } from './odata-error';
import type { BatchRequest } from './batch';

/**
 * Reader for the multipart/mixed `$batch` format of OData Version 4.0 Part 1 §11.7.2 (MIME
 * multipart per RFC 2046): each batch part is `Content-Type: application/http` +
 * `Content-Transfer-Encoding: binary` holding one HTTP request, or a change set
 * (`Content-Type: multipart/mixed; boundary=…`) holding such parts. Any malformed input is a 400
 * naming what is wrong and where (part number); nothing here may throw anything else.
 */

/** One request of a multipart batch: where it sits (`part 3`, or `part 3.2` in a change set). */
export interface MultipartRequest extends BatchRequest {
  kind: 'request';
  where: string;
  contentId?: string;
}

export interface MultipartChangeSet {
  kind: 'changeset';
  where: string;
  contentId?: string;
  requests: MultipartRequest[];
}

export type MultipartItem = MultipartRequest | MultipartChangeSet;

/** Parses a `$batch` body sent as `multipart/mixed; boundary=…` into its requests and change sets. */
export function parseMultipartBatch(body: string | undefined, contentType: string): MultipartItem[] {
  const boundary = requireBoundary(contentType, 'the Content-Type header of the $batch request');
  const parts = splitParts(body ?? '', boundary, 'the batch body');
  return parts.map((text, index) => parsePart(text, `part ${index + 1}`, false));
}

/** Splits `type/subtype; name=value; name="quoted value"` into a lowercase type and parameters. */
export function parseMediaType(value: string): { type: string; params: Record<string, string> } {
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (semi >= 0) {
    const param = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
    for (const match of value.slice(semi).matchAll(param)) {
      const quoted = match[2];
      params[match[1]!.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    }
  }
  return { type, params };
}

function invalid(where: string, detail: string): ODataHttpError {
  return new ODataHttpError(400, `The multipart/mixed batch is not valid at ${where}: ${detail}.`);
}

/** Quotes input in a message, shortened so a huge line cannot flood the error body. */
function shown(text: string): string {
  const line = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `'${line}'`;
}

// RFC 2046 §5.1.1: 1 to 70 characters from bchars, not ending in a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function requireBoundary(contentType: string, where: string): string {
  const media = parseMediaType(contentType);
  if (media.type !== 'multipart/mixed') throw invalid(where, `the media type is '${media.type}', not multipart/mixed`);
  const boundary = media.params.boundary;
  if (boundary === undefined) throw invalid(where, 'multipart/mixed needs a boundary parameter (boundary=batch_…)');
  if (!BOUNDARY.test(boundary)) {
    throw invalid(where, `the boundary ${shown(boundary)} is not valid (1 to 70 letters, digits or '()+_,-./:=? , not ending in a space)`);
  }
  return boundary;
}

/** Index of the next delimiter line `--boundary` at or after `from`: at a line start, then `--`, padding or line end. */
function findDelimiter(text: string, dash: string, from: number): number {
  for (let at = text.indexOf(dash, from); at >= 0; at = text.indexOf(dash, at + 1)) {
    const lineStart = at === 0 || text[at - 1] === '\n';
    const next = text[at + dash.length];
    if (lineStart && (next === undefined || next === '-' || next === ' ' || next === '\t' || next === '\r' || next === '\n')) return at;
  }
  return -1;
}

/** Splits a multipart body into the texts of its parts (RFC 2046 §5.1.1; preamble and epilogue ignored). */
function splitParts(text: string, boundary: string, where: string): string[] {
  const dash = `--${boundary}`;
  let at = findDelimiter(text, dash, 0);
  if (at < 0) throw invalid(where, `no delimiter line ${shown(dash)} was found`);
  const parts: string[] = [];
  for (;;) {
    let pos = at + dash.length;
    if (text.startsWith('--', pos)) return parts;
    while (text[pos] === ' ' || text[pos] === '\t') pos += 1;
    if (text[pos] === '\r') pos += 1;
    if (pos >= text.length) throw invalid(where, `the body is not terminated: no closing ${shown(`${dash}--`)} line`);
    if (text[pos] !== '\n') throw invalid(where, `the delimiter line before part ${parts.length + 1} has text after the boundary`);
    pos += 1;
    const next = findDelimiter(text, dash, pos);
    if (next < 0) throw invalid(where, `the body is not terminated: no closing ${shown(`${dash}--`)} line after part ${parts.length + 1}`);
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    let end = next;
    if (end > pos && text[end - 1] === '\n') end -= 1;
    if (end > pos && text[end - 1] === '\r') end -= 1;
    parts.push(text.slice(pos, end));
    at = next;
  }
}

/** Splits a header block from what follows the first empty line; without one, all is header. */
function splitHead(text: string): { head: string; rest: string | undefined } {
  if (text.startsWith('\r\n')) return { head: '', rest: text.slice(2) };
  if (text.startsWith('\n')) return { head: '', rest: text.slice(1) };
  const blank = /\r?\n\r?\n/.exec(text);
  if (!blank) return { head: text, rest: undefined };
  return { head: text.slice(0, blank.index), rest: text.slice(blank.index + blank[0].length) };
}

/** `Name: value` lines (continuation lines folded in); names lowercased. */
function parseHeaders(head: string, where: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      headers[last] = `${headers[last]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw invalid(where, `the header line ${shown(line)} is not 'Name: value'`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parsePart(text: string, where: string, inChangeSet: boolean): MultipartItem {
  const { head, rest } = splitHead(text);
  const headers = parseHeaders(head, where);
  const contentType = headers['content-type'];
  const contentId = headers['content-id'];
  const id = contentId !== undefined ? { contentId } : {};
  if (contentType === undefined) {
    throw invalid(where, 'the part has no Content-Type header (application/http for a request, multipart/mixed for a change set)');
  }
  const type = parseMediaType(contentType).type;
  if (type === 'multipart/mixed') {
    if (inChangeSet) throw invalid(where, 'a change set cannot contain another change set');
    const boundary = requireBoundary(contentType, `${where} (change set Content-Type)`);
    const texts = splitParts(rest ?? '', boundary, `${where} (change set)`);
    const requests = texts.map((partText, index) => parsePart(partText, `${where}.${index + 1}`, true) as MultipartRequest);
    return { kind: 'changeset', where, ...id, requests };
  }
  if (type !== 'application/http') {
    throw invalid(where, `the part's Content-Type is '${type}'; expected application/http (or multipart/mixed for a change set)`);
  }
  const encoding = headers['content-transfer-encoding'];
  if (encoding?.toLowerCase() !== 'binary') {
    throw invalid(where, `an application/http part needs 'Content-Transfer-Encoding: binary' (found ${encoding === undefined ? 'none' : shown(encoding)})`);
  }
  return parseHttpRequest(rest ?? '', where, inChangeSet, id);
}

// `GET Case(…)?$select=Subject HTTP/1.1` (OData 4.0 Part 1 §11.7.2).
const REQUEST_LINE = /^([A-Za-z]+)[ \t]+(\S+)[ \t]+HTTP\/1\.1[ \t]*$/;
const CHANGE_SET_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'MERGE']);

/** The HTTP request inside an application/http part: request line, headers, empty line, body. */
function parseHttpRequest(text: string, where: string, inChangeSet: boolean, id: { contentId?: string }): MultipartRequest {
  const message = text.replace(/^(\r?\n)+/, '');
  const lineEnd = message.search(/\r?\n/);
  const requestLine = lineEnd < 0 ? message : message.slice(0, lineEnd);
  if (requestLine.trim() === '') throw invalid(where, 'the application/http part has no request line');
  const match = REQUEST_LINE.exec(requestLine);
  if (!match) throw invalid(where, `the request line ${shown(requestLine)} is not 'METHOD URL HTTP/1.1'`);
  const method = match[1]!.toUpperCase();
  // A change set holds data modifications only (OData 4.0 Part 1 §11.7.2; ODataLib refuses GET there).
  if (inChangeSet && !CHANGE_SET_METHODS.has(method)) {
    throw invalid(where, `the method '${method}' is not allowed in a change set, which holds only POST, PUT, PATCH and DELETE requests`);
  }
  const afterLine = lineEnd < 0 ? '' : message.slice(lineEnd).replace(/^\r?\n/, '');
  const { head, rest } = splitHead(afterLine);
  const headers = parseHeaders(head, `${where} (request headers)`);
  const inner = headers['content-id'];
  const contentId = id.contentId ?? inner;
  return {
    kind: 'request', where, method, url: match[2]!, headers,
    ...(contentId !== undefined ? { contentId } : {}),
    ...(rest !== undefined && rest !== '' ? { body: rest } : {}),
  };
}
