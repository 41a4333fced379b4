import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { type ODataResponse, responseJson } from './odata-service';

/**
 * Writer for multipart/mixed `$batch` responses (OData Version 4.0 Part 1 §11.7.4): one
 * `application/http` part per answered request, in request order; a change set's answers nested
 * in a `multipart/mixed; boundary=changesetresponse_…` part. Lines end in CRLF (RFC 2046).
 */

export interface MultipartResponse {
  kind: 'response';
  contentId?: string;
  response: ODataResponse;
}

export interface MultipartChangeSetResponse {
  kind: 'changeset';
  responses: MultipartResponse[];
}

export type MultipartAnswer = MultipartResponse | MultipartChangeSetResponse;

const CRLF = '\r\n';

/** Writes the answers as one multipart body; returns it with the Content-Type naming its boundary. */
export function writeMultipartBatch(answers: MultipartAnswer[], newId: () => string = randomUUID): { contentType: string; body: string } {
  const boundary = `batchresponse_${newId()}`;
  const parts = answers.map((answer) => {
    if (answer.kind === 'response') return httpPart(answer);
    const inner = `changesetresponse_${newId()}`;
    const body = multipartBody(inner, answer.responses.map(httpPart));
    return `Content-Type: multipart/mixed; boundary=${inner}${CRLF}${CRLF}${body}`;
  });
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: multipartBody(boundary, parts) };
}

/** `--b` CRLF part CRLF … `--b--` CRLF: the CRLF before each delimiter belongs to it (RFC 2046 §5.1.1). */
function multipartBody(boundary: string, parts: string[]): string {
  return parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
}

function httpPart(answer: MultipartResponse): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  // Change set answers carry the Content-ID of their request (OData 4.0 Part 1 §11.7.4).
  if (answer.contentId !== undefined) lines.push(`Content-ID: ${answer.contentId}`);
  return `${lines.join(CRLF)}${CRLF}${CRLF}${httpResponseText(answer.response)}`;
}

/** `HTTP/1.1 201 Created`, the headers, an empty line, then the body as the single request would have it. */
export function httpResponseText(response: ODataResponse): string {
  const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  const body = responseJson(response) ?? response.text ?? '';
  return [statusLine, ...headers, '', body].join(CRLF);
}
