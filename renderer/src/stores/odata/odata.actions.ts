/** What the OData console does: send the request through the Lab API, then read Creatio's headers from the site's journal. */
import { labClient } from '../../api/lab-client';
import { useODataStore, type ODataRequest } from './odata.store';

const store = () => useODataStore.getState();

/** The body of a write as a JSON object, or a message saying what is wrong with it. */
export function parseWriteBody(text: string): { body?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return { error: 'Body: a POST or PATCH needs a JSON object' };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'Body: must be a JSON object ({"Column": value})' };
    return { body: value as Record<string, unknown> };
  } catch (error) {
    return { error: `Body: not valid JSON (${(error as Error).message})` };
  }
}

/** `/0/odata/<resource>` of a console path, the part the site's journal can be searched by. */
const resourceOf = (path: string) => `/0/odata/${path.replace(/^\/+/, '').split('?')[0] ?? ''}`;

async function readHeaders(request: ODataRequest, sentAt: number): Promise<void> {
  try {
    const { entries } = await labClient().odataJournal(request.method, resourceOf(request.path));
    const entry = entries.find((e) => Date.parse(e.startedOn) >= sentAt - 1_000);
    store().setHeaders(entry ? entry.responseHeaders : null);
  } catch {
    store().setHeaders(null);
  }
}

export async function sendQuery(): Promise<void> {
  const { method, path, body, sending } = store();
  if (sending) return;
  if (!path.trim()) return store().setSending(false, 'Path: write a resource, e.g. Case?$top=5');
  const write = method === 'POST' || method === 'PATCH' ? parseWriteBody(body) : {};
  if (write.error) return store().setSending(false, write.error);
  const request: ODataRequest = { method, path: path.trim(), body: write.body ? body : '' };
  store().setSending(true);
  const sentAt = Date.now();
  try {
    const answer = await labClient().odataSend(method, request.path, write.body);
    store().setResult({ request, status: answer.status, timeMs: answer.timeMs, body: answer.body, headers: null, ...(answer.code ? { code: answer.code } : {}) });
    store().remember(request);
    store().setSending(false);
    await readHeaders(request, sentAt);
  } catch (error) {
    store().setSending(false, (error as Error).message);
  }
}
