import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA } from '../schema/entities';
import { createSeed, SEED_CASE } from '../schema/seed';
import { tempDir } from '../store/store-test-helpers';
import type { DataStore } from '../store/store.types';
import { openDataStore } from '../store/workspace-store';
import type { ProcessEngine } from './process-engine';
import { createProcessEngine } from './process-engine';
import { createProcessLog } from './process-log';
import type { BusinessProcess } from './process.schema';
import { caseClosureTemplate } from './templates';

const URL = 'http://receiver.test/backend/creatio/webhook/s3cr3t-token';
let store: DataStore;
let cleanup: () => Promise<void>;
let engine: ProcessEngine;
const log = createProcessLog(3);
const calls: { url: string; init: RequestInit }[] = [];
let answers: (() => Response)[] = [];
const fakeFetch = (async (url: string, init: RequestInit) => {
  calls.push({ url, init });
  const next = answers.shift();
  if (!next) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });
  return next();
}) as unknown as typeof fetch;
let processes: BusinessProcess[] = [];

beforeEach(async () => {
  const dir = await tempDir();
  cleanup = dir.cleanup;
  store = await openDataStore({ dir: dir.dir, model: SCHEMA, seed: () => createSeed('2026-11-24T09:00:00.0000000Z'), durability: 'none' });
  calls.length = 0;
  log.clear();
  engine = createProcessEngine({ model: SCHEMA, store, processes: () => processes, log, fetch: fakeFetch, now: () => Date.UTC(2026, 10, 24) });
});
afterEach(async () => {
  engine.stop();
  await store.close();
  await cleanup();
});

const caseRecord = () => store.table('Case')!.get(SEED_CASE.PortalLogin)!;

describe('process engine', () => {
  it('sends once by default (as Creatio does) and logs the error', async () => {
    processes = [caseClosureTemplate(URL)];
    const entry = await engine.fire(processes[0]!, caseRecord());
    expect(calls).toHaveLength(1);
    expect(entry).toMatchObject({ status: 'error', attempts: 1, error: 'fetch failed: ECONNREFUSED connect ECONNREFUSED' });
  });

  it('retries with the lab extra until an answer is 2xx', async () => {
    processes = [{ ...caseClosureTemplate(URL), retries: { attempts: 3, delayMs: 0 } }];
    answers = [() => new Response('busy', { status: 503 }), () => new Response('{"ok":true}', { status: 200 })];
    const entry = await engine.fire(processes[0]!, caseRecord());
    expect(entry).toMatchObject({ status: 'completed', attempts: 2, response: { status: 200, body: '{"ok":true}' } });
  });

  it('sends the secrets but logs them redacted', async () => {
    const p = caseClosureTemplate(URL);
    p.callWebService.headers = { Authorization: 'Bearer abc.def', 'X-Api-Key': 'k-123', 'X-Trace': 'visible' };
    answers = [() => new Response('', { status: 204 })];
    const entry = await engine.fire(p, caseRecord());
    expect(calls[0]!.url).toBe(URL);
    expect(calls[0]!.init.headers).toMatchObject({ Authorization: 'Bearer abc.def', 'X-Api-Key': 'k-123' });
    expect(entry.request).toEqual({
      url: 'http://receiver.test/backend/creatio/webhook/***', method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ***', 'X-Api-Key': '***', 'X-Trace': 'visible' },
      body: `{"event_type":"case_closed","caseId":"${SEED_CASE.PortalLogin}"}`,
    });
    expect(JSON.stringify(log.list())).not.toMatch(/s3cr3t|abc\.def|k-123/);
  });

  it('fires a deleted signal with the record as it was, after the commit', async () => {
    processes = [{
      ...caseClosureTemplate(URL), id: 'on-delete',
      signal: { entity: 'Activity', event: 'deleted', filter: { logic: 'and', conditions: [{ column: 'CaseId', op: 'notEmpty' }] } },
      callWebService: { ...caseClosureTemplate(URL).callWebService, body: '{"event_type":"case_updated","caseId":"[#Case.Id#]"}' },
    }];
    answers = [() => new Response('ok')];
    const activity = store.table('Activity')!.lookup('CaseId', SEED_CASE.PortalLogin)[0]!;
    await store.commit([{ kind: 'delete', entity: 'Activity', id: String(activity.Id) }]);
    await engine.idle();
    expect(log.list()).toMatchObject([{ processId: 'on-delete', status: 'completed', trigger: { event: 'deleted', recordId: activity.Id } }]);
  });

  it('keeps the newest entries only (ring buffer)', async () => {
    const p = caseClosureTemplate(URL);
    for (let i = 0; i < 5; i++) await engine.fire(p, caseRecord());
    expect(log.list({ limit: 10 })).toHaveLength(3);
  });
});
