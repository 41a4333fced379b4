/**
 * The Lab API calls of the OData console (issue 6): any request through `/api/creatio/odata/*`,
 * answered as it came (status, time, body; Creatio's error body kept), and the site's journal entry
 * of that request for the headers Creatio sent. Only lab-client.ts composes this; views call labClient().
 */
import { JournalEntries } from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';
import type { LabApiError } from '../lab-client';

export type ODataMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ODataAnswer {
  status: number;
  /** Round trip through the Lab API, in ms. */
  timeMs: number;
  /** Parsed JSON, or the text (`$metadata` is XML), or undefined for an empty body (204). */
  body: unknown;
  /** The Lab API's own error code when the request never reached Creatio (`CREATIO_UNREACHABLE`). */
  code?: string;
}

export function odataApi(h: ApiHelpers) {
  return {
    /** Sends `method` to `/api/creatio/odata/<path>` (path may hold a query string) and answers whatever came back. */
    async odataSend(method: ODataMethod, path: string, body?: Record<string, unknown>): Promise<ODataAnswer> {
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
      try {
        const answer = await h.send(method, `/creatio/odata/${path.replace(/^\/+/, '')}`, body);
        return { status: answer.status, timeMs: elapsed(), body: answer.json };
      } catch (error) {
        // A LabApiError (by name: importing the class here would make an import cycle with lab-client.ts).
        if (!(error instanceof Error) || error.name !== 'LabApiError' || (error as LabApiError).status === 0) throw error;
        const failure = error as LabApiError;
        return { status: failure.status, timeMs: elapsed(), body: failure.body, ...(failure.status === 502 ? { code: failure.code } : {}) };
      }
    },
    /** The newest journal entries of the site for a path (substring) and method: Creatio's side of a console request. */
    odataJournal: (method: ODataMethod, path: string) =>
      h.call(JournalEntries, 'GET', `/creatio/journal?limit=5&method=${method}&path=${encodeURIComponent(path)}`),
  };
}
