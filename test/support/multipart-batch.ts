/**
 * Client side of the multipart/mixed `$batch` format (OData Version 4.0 Part 1 §11.7), written
 * independently of the simulator's parser so the conformance tests check it rather than mirror it.
 */

export interface BatchRequestSpec {
  method: string;
  url: string;
  body?: unknown;
  contentId?: string;
  headers?: Record<string, string>;
}

export type BatchItemSpec = BatchRequestSpec | { changeset: BatchRequestSpec[] };

const CRLF = '\r\n';

function requestPart(spec: BatchRequestSpec): string {
  const mime = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (spec.contentId !== undefined) mime.push(`Content-ID: ${spec.contentId}`);
  const headers = { ...(spec.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...spec.headers };
  const http = [`${spec.method} ${spec.url} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ''];
  const body = spec.body === undefined ? '' : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
  return `${mime.join(CRLF)}${CRLF}${CRLF}${http.join(CRLF)}${CRLF}${body}`;
}

function multipart(boundary: string, parts: string[]): string {
  return parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
}

/** Builds a multipart batch body; returns it with its Content-Type. */
export function buildMultipartBatch(items: BatchItemSpec[], boundary = 'batch_test'): { contentType: string; body: string } {
  let changesets = 0;
  const parts = items.map((item) => {
    if (!('changeset' in item)) return requestPart(item);
    changesets += 1;
    const inner = `changeset_test${changesets}`;
    return `Content-Type: multipart/mixed; boundary=${inner}${CRLF}${CRLF}${multipart(inner, item.changeset.map(requestPart))}`;
  });
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: multipart(boundary, parts) };
}

export interface ParsedResponse {
  status: number;
  contentId?: string;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type ParsedItem = ParsedResponse | { changeset: ParsedResponse[] };

function boundaryOf(contentType: string): string {
  const match = /boundary=("?)([^";]+)\1/i.exec(contentType);
  if (!match) throw new Error(`no boundary in ${contentType}`);
  return match[2]!;
}

function headerBlock(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(CRLF).filter(Boolean)) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

function splitMultipart(body: string, boundary: string): string[] {
  const closing = `${CRLF}--${boundary}--`;
  const end = body.indexOf(closing);
  if (end < 0 || !body.startsWith(`--${boundary}${CRLF}`)) throw new Error(`not a ${boundary} multipart body: ${body.slice(0, 200)}`);
  return body.slice(`--${boundary}${CRLF}`.length, end).split(`${CRLF}--${boundary}${CRLF}`);
}

/** Parses a multipart batch response body into its responses (change sets nested). */
export function parseMultipartResponse(contentType: string, body: string): ParsedItem[] {
  return splitMultipart(body, boundaryOf(contentType)).map((part) => {
    const split = part.indexOf(CRLF + CRLF);
    const mime = headerBlock(part.slice(0, split));
    const rest = part.slice(split + 4);
    if (mime['content-type']!.startsWith('multipart/mixed')) {
      return { changeset: parseMultipartResponse(mime['content-type']!, rest) as ParsedResponse[] };
    }
    if (mime['content-type'] !== 'application/http' || mime['content-transfer-encoding'] !== 'binary') {
      throw new Error(`unexpected part headers ${JSON.stringify(mime)}`);
    }
    const headEnd = rest.indexOf(CRLF + CRLF);
    const [statusLine, ...headerLines] = rest.slice(0, headEnd).split(CRLF);
    const status = /^HTTP\/1\.1 (\d{3})( .*)?$/.exec(statusLine!);
    if (!status) throw new Error(`bad status line ${statusLine}`);
    const text = rest.slice(headEnd + 4);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: Number(status[1]), headers: headerBlock(headerLines.join(CRLF)), body: text, json,
      ...(mime['content-id'] !== undefined ? { contentId: mime['content-id'] } : {}),
    };
  });
}

/** Statuses in order, change sets as nested arrays: `[200, [201, 204], 404]`. */
export function statuses(items: ParsedItem[]): (number | number[])[] {
  return items.map((item) => ('changeset' in item ? item.changeset.map((r) => r.status) : item.status));
}
