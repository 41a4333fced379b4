import { redactHeaders, redactUrl } from '../admin/redact';
import type { WebRequest, WebResponse } from './process-log';

/** Response bodies are kept up to this size in the process log. */
export const MAX_LOGGED_BODY = 16 * 1024;

export interface CallOutcome {
  response?: WebResponse;
  /** Network error, timeout, or a non-2xx answer. */
  error?: string;
}

/**
 * Sends one "Call web service" request (reference/creatio-api.md §4.3) with Node's fetch and a
 * timeout, and captures the answer. Never throws: every failure is described in `error`.
 */
export async function sendRequest(request: WebRequest, options: { timeoutMs: number; fetch?: typeof fetch; now?: () => number; cancel?: AbortSignal }): Promise<CallOutcome> {
  const doFetch = options.fetch ?? fetch;
  const clock = options.now ?? performance.now.bind(performance);
  const started = clock();
  try {
    const res = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
      signal: options.cancel ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.cancel]) : AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    const text = await res.text();
    const response: WebResponse = {
      status: res.status,
      headers: redactHeaders(Object.fromEntries(res.headers)),
      body: text.length > MAX_LOGGED_BODY ? text.slice(0, MAX_LOGGED_BODY) : text,
      bodyTruncated: text.length > MAX_LOGGED_BODY,
      timeMs: Math.round((clock() - started) * 10) / 10,
    };
    if (res.status < 200 || res.status > 299) return { response, error: `the web service answered ${res.status}` };
    return { response };
  } catch (err) {
    return { error: describeError(err, options.timeoutMs) };
  }
}

function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof DOMException && err.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms (timeout)`;
  }
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${err.message}: ${cause.code} ${cause.message ?? ''}`.trim() : err.message;
  }
  return String(err);
}

/** The request as the log shows it: webhook token and secret headers redacted. */
export function redactRequest(request: WebRequest): WebRequest {
  return { ...request, url: redactUrl(request.url), headers: redactHeaders(request.headers) };
}
