import { z } from 'zod';
import { EngineError } from '../engine-error';
import type { Clock, Fetch } from '../ports';
import type { CreatioAuth } from '../settings';
import { type Reply, type Where, exchange } from './http-exchange';
import { type LookupMap, parseLookups } from './metadata-lookups';
import { BatchAnswer, type BatchPartResult, type BatchWrite, MAX_BATCH_REQUESTS, batchBody, partResults } from './odata-batch';
import { createFormsSignIn } from './forms-sign-in';
import { createOAuthSignIn } from './oauth-sign-in';
import { type ODataQuery, assertName, entityPath, queryString } from './odata-url';
import { badResponse, errorForReply, isSessionExpiredReply, parseReply } from './reply-errors';
import { redactError } from './redact';
import { type SignIn, singleFlight } from './sign-in';

export type { ODataQuery } from './odata-url';
export type { BatchPartResult, BatchWrite } from './odata-batch';
export { MAX_BATCH_REQUESTS } from './odata-batch';
export { odataString } from './odata-url';

export interface CreatioClientOptions {
  /** No trailing slash (validated by settings). */
  instanceUrl: string;
  auth: CreatioAuth;
  fetch: Fetch;
  clock: Clock;
  /** Per HTTP exchange (sign-in included), body read included. */
  timeoutMs: number;
}

/** The engine's only way to Creatio: OData 4 plus its sign-in services, nothing simulator-specific. */
export interface CreatioClient {
  /** One record by key; undefined on 404. */
  get(entity: string, id: string, select?: readonly string[]): Promise<Record<string, unknown> | undefined>;
  query(entity: string, query: ODataQuery): Promise<Record<string, unknown>[]>;
  /** POST; resolves with the 201 body (the whole record, reference §1.5). */
  insert(entity: string, record: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** PATCH; Creatio answers 204 and no body (reference §1.5). */
  update(entity: string, id: string, patch: Record<string, unknown>): Promise<void>;
  /**
   * Several writes as one JSON `$batch` (reference §1.7), run in order; Creatio stops at the first
   * failing part. One result per write, `undefined` for a part not run. Throws when the batch itself fails.
   */
  batch(writes: readonly BatchWrite[]): Promise<BatchPartResult[]>;
  /** Lookup column → target entity, read once from $metadata (NavigationProperty + ReferentialConstraint). */
  lookupTarget(entity: string, column: string): Promise<string | undefined>;
  /** Signs in (if needed) and reads one record, to check the connection: used by "Test & Save". */
  ping(): Promise<void>;
}

const JsonRecord = z.record(z.string(), z.unknown());
/** Collection answer `{"@odata.context":...,"value":[...]}` (reference §1.4). */
const Collection = z.object({ value: z.array(JsonRecord) });

function createSignIn(options: CreatioClientOptions): SignIn {
  const deps = { fetch: options.fetch, clock: options.clock, timeoutMs: options.timeoutMs, instanceUrl: options.instanceUrl };
  return options.auth.kind === 'oauth'
    ? createOAuthSignIn({ ...deps, clientId: options.auth.clientId, clientSecret: options.auth.clientSecret, tokenUrl: options.auth.tokenUrl })
    : createFormsSignIn({ ...deps, userName: options.auth.userName, password: options.auth.password });
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  accept?: string;
}

/** Creates the client; nothing is sent until the first call (sign-in is lazy). */
export function createCreatioClient(options: CreatioClientOptions): CreatioClient {
  const signIn = createSignIn(options);

  /**
   * Sends one request, signed in. On an expired session (any of the three shapes) it signs in again
   * once and repeats; a second expiry is CREATIO_SESSION_EXPIRED (reference §2.1, as clio does).
   */
  async function send(call: Call): Promise<{ reply: Reply; where: Where }> {
    const where: Where = { method: call.method, path: call.path };
    const headers: Record<string, string> = { Accept: call.accept ?? 'application/json', ForceUseSession: 'true' };
    // Headers per reference §1.2 (IEEE754Compatible left out: we send no Int64/Decimal values).
    if (call.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    for (let attempt = 1; ; attempt += 1) {
      const grant = await signIn.grant();
      const reply = await exchange(options, `${options.instanceUrl}${call.path}`,
        { method: call.method, headers: { ...headers, ...grant.headers }, body }, where);
      signIn.observe(reply, grant.generation);
      if (!isSessionExpiredReply(reply)) return { reply, where };
      if (attempt >= 2) {
        throw new EngineError('CREATIO_SESSION_EXPIRED',
          `Creatio still answered ${call.method} ${call.path} as not signed in (${reply.status}) right after a fresh sign-in; ` +
          'the session ends at once or the user lacks access rights',
          { ...where, status: reply.status });
      }
      signIn.invalidate(grant.generation);
    }
  }

  /** Runs a public call, scrubbing any secret the client holds out of a failure's message and details. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw redactError(error, signIn.secrets());
    }
  }

  function expect(reply: Reply, where: Where, statuses: readonly number[]): void {
    if (!statuses.includes(reply.status)) throw errorForReply(reply, where, options.clock);
  }

  const loadLookups = singleFlight(async (): Promise<LookupMap> => {
    const { reply, where } = await send({ method: 'GET', path: '/0/odata/$metadata', accept: 'application/xml' });
    expect(reply, where, [200]);
    const lookups = parseLookups(reply.text);
    if (!lookups) throw badResponse(reply, where, 'a body that is not an EDMX document');
    return lookups;
  });
  let lookups: LookupMap | undefined;

  const client: CreatioClient = {
    get: (entity, id, select) => guarded(async () => {
      const { reply, where } = await send({ method: 'GET', path: entityPath(entity, id) + queryString({ select }) });
      if (reply.status === 404) return undefined;
      expect(reply, where, [200]);
      return parseReply(reply, where, JsonRecord, 'a record');
    }),
    query: (entity, query) => guarded(async () => {
      const { reply, where } = await send({ method: 'GET', path: entityPath(entity) + queryString(query) });
      expect(reply, where, [200]);
      return parseReply(reply, where, Collection, 'a collection ({"value":[...]})').value;
    }),
    insert: (entity, record) => guarded(async () => {
      const { reply, where } = await send({ method: 'POST', path: entityPath(entity), body: record });
      // 201 with the record; one client also saw 200 (reference §1.5, UNCONFIRMED when).
      expect(reply, where, [201, 200]);
      return parseReply(reply, where, JsonRecord, 'the created record');
    }),
    update: (entity, id, patch) => guarded(async () => {
      const { reply, where } = await send({ method: 'PATCH', path: entityPath(entity, id), body: patch });
      expect(reply, where, [204, 200]);
    }),
    batch: (writes) => guarded(async () => {
      if (writes.length === 0 || writes.length > MAX_BATCH_REQUESTS) {
        throw new EngineError('INTERNAL', `a batch takes 1 to ${MAX_BATCH_REQUESTS} requests, not ${writes.length}`);
      }
      const { reply, where } = await send({ method: 'POST', path: '/0/odata/$batch', body: batchBody(writes) });
      expect(reply, where, [200]);
      return partResults(writes, parseReply(reply, where, BatchAnswer, 'a batch answer ({"responses":[...]})').responses, options.clock);
    }),
    lookupTarget: (entity, column) => guarded(async () => {
      assertName('entity', entity);
      assertName('column', column);
      lookups ??= await loadLookups();
      return lookups.get(entity)?.get(column);
    }),
    // Case is the entity the integration needs access to (reference §5.1 prerequisites).
    ping: () => guarded(async () => {
      await client.query('Case', { select: ['Id'], top: 1 });
    }),
  };
  return client;
}
