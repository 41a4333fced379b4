/** HTTP to the simulated site's admin API (`/__lab/`, docs/admin-api.md), as any client would call it. */
import type { Lab } from '../lab.types';
import { ApiError } from './api-error';

export interface SiteAnswer {
  status: number;
  contentType: string | null;
  /** Parsed JSON, or the text when the site answered something else; undefined when empty. */
  body: unknown;
}

/** Sends one request to `${lab.site.url}/__lab${path}`; a site that cannot be reached is a 502. */
export async function callSiteAdmin(lab: Lab, options: { method: string; path: string; body?: unknown }): Promise<SiteAnswer> {
  let response: Response;
  try {
    response = await fetch(`${lab.site.url}/__lab${options.path}`, {
      method: options.method,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new ApiError(502, 'CREATIO_UNREACHABLE', `The simulated Creatio site did not answer ${options.method} /__lab${options.path}: ${(error as Error).message}`);
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && contentType?.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON after all: pass the text through as it is.
    }
  }
  return { status: response.status, contentType, body };
}
