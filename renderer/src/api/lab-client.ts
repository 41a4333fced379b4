/**
 * The one module that talks to the Lab API (docs/lab-api.md): every request carries the per-launch
 * token as `Authorization: Bearer`, every answer is checked with the contract's zod schema, every
 * error becomes a LabApiError with the API's code and message. The event stream is read with fetch()
 * and a stream reader, since the API takes the token only in a header (EventSource cannot send one).
 */
import type { z } from 'zod';
import {
  Conversation, ConversationList, Done, HandoffResult, LabError, LabEvent, LabInfo, ODataCollection, ODataRow,
  type AdvanceClockBody, type HandoffBody, type ODataWriteBody, type SayBody, type StartConversationBody,
} from '../../../contract';
import type { ApiHelpers } from './api-helpers';
import { faultsApi } from './domains/faults.api';
import { odataApi } from './domains/odata.api';
import { processesApi } from './domains/processes.api';
import { scenariosApi } from './domains/scenarios.api';
import { syncApi } from './domains/sync.api';
import { timelineApi } from './domains/timeline.api';
import { webhooksApi } from './domains/webhooks.api';
import { createSseParser } from './sse-parser';

export class LabApiError extends Error {
  /** `body`: the answer's body as it came (JSON or text), e.g. Creatio's error passed through the OData proxy. */
  constructor(readonly status: number, readonly code: string, message: string, readonly problems: { field: string; problem: string }[] = [], readonly body?: unknown) {
    super(message);
    this.name = 'LabApiError';
  }
}

export interface EventStreamOptions {
  /** Resume after this seq (sent as Last-Event-ID). */
  afterSeq?: number;
  signal: AbortSignal;
  /** The stream is open: events from now on will arrive. */
  onOpen: () => void;
  onEvent: (event: LabEvent) => void;
}

export type LabClient = ReturnType<typeof createLabClient>;

export function createLabClient(options: { token: string; baseUrl?: string }) {
  const base = options.baseUrl ?? '/api';
  const auth = { Authorization: `Bearer ${options.token}` };

  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method, headers: { ...auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }), cache: 'no-store',
      });
    } catch (error) {
      throw new LabApiError(0, 'LAB_UNREACHABLE', `The lab did not answer ${method} ${path}: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json: unknown = text ? safeJson(text) : undefined;
    if (response.ok) return { status: response.status, json };
    throw toError(response.status, json, `${method} ${path}`);
  }

  async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
    const { json } = await send(method, path, body);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new LabApiError(0, 'UNEXPECTED_ANSWER', `The lab's answer to ${method} ${path} does not match the contract: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  const id = (value: string) => encodeURIComponent(value);
  const helpers: ApiHelpers = { call, send, id };

  return {
    // Each view's calls live in api/domains/<view>.api.ts; this module stays the only one that talks to the API.
    ...processesApi(helpers), ...webhooksApi(helpers), ...syncApi(helpers), ...faultsApi(helpers),
    ...odataApi(helpers), ...scenariosApi(helpers), ...timelineApi(helpers),
    info: () => call(LabInfo, 'GET', '/info'),
    listConversations: () => call(ConversationList, 'GET', '/conversations'),
    getConversation: (conversationId: string) => call(Conversation, 'GET', `/conversations/${id(conversationId)}`),
    startConversation: (body: StartConversationBody) => call(Conversation, 'POST', '/conversations', body),
    say: (conversationId: string, body: SayBody) => call(Conversation, 'POST', `/conversations/${id(conversationId)}/messages`, body),
    handoff: (conversationId: string, body: HandoffBody) => call(HandoffResult, 'POST', `/conversations/${id(conversationId)}/handoff`, body),
    /** Moves the chat's clock (the WhatsApp 24-hour window). */
    advanceChatClock: (body: AdvanceClockBody) => call(Done, 'POST', '/chat/advance-clock', body),

    /** `GET /api/creatio/odata/<path>`: a collection (`Case?$select=...`). */
    odataList: (path: string) => call(ODataCollection, 'GET', `/creatio/odata/${path}`),
    /** `GET /api/creatio/odata/<path>`: one record (`Case(<id>)?$select=...`). */
    odataRecord: (path: string) => call(ODataRow, 'GET', `/creatio/odata/${path}`),
    /** `POST /api/creatio/odata/<entity>`: 201 with the record. */
    odataInsert: (entity: string, body: ODataWriteBody) => call(ODataRow, 'POST', `/creatio/odata/${entity}`, body),
    /** `PATCH /api/creatio/odata/<entity>(<id>)`: 204. */
    odataUpdate: async (path: string, body: ODataWriteBody) => void (await send('PATCH', `/creatio/odata/${path}`, body)),

    /** Reads `/api/events` until the stream ends or `signal` aborts; throws when it cannot open. */
    async streamEvents(stream: EventStreamOptions): Promise<void> {
      const response = await fetch(`${base}/events`, {
        headers: { ...auth, Accept: 'text/event-stream', ...(stream.afterSeq ? { 'Last-Event-ID': String(stream.afterSeq) } : {}) },
        signal: stream.signal, cache: 'no-store',
      });
      if (!response.ok || !response.body) throw toError(response.status, safeJson(await response.text()), 'GET /events');
      stream.onOpen();
      const parser = createSseParser((message) => {
        const parsed = LabEvent.safeParse(safeJson(message.data));
        if (parsed.success) stream.onEvent(parsed.data);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The Lab API's error shape, or Creatio's passed through the OData proxy, or whatever came. */
function toError(status: number, json: unknown, what: string): LabApiError {
  const lab = LabError.safeParse(json);
  if (lab.success) return new LabApiError(status, lab.data.error.code, lab.data.error.message, lab.data.error.problems, json);
  return new LabApiError(status, `HTTP_${status}`, `${what} answered HTTP ${status}`, [], json);
}

let current: LabClient | undefined;

/** Set once at start-up (main.tsx) from the token; stores' actions use it. */
export function setLabClient(client: LabClient): void {
  current = client;
}

export function labClient(): LabClient {
  if (!current) throw new Error('The Lab API client is not set up yet (no token)');
  return current;
}
