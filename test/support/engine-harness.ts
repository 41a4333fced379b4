/**
 * Runs the real sync engine in a test: real HTTP to a simulated site, a file store in a temp
 * folder, a recording channel, the real clock (or one the test passes).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type Clock, createSimulatedAi, createSyncEngine, type EngineEvent, type EngineEventType, type EngineRecord,
  EngineSettings, type EngineSettingsInput, type OutboundMessage, type SyncEngine,
} from '../../engine';
import { createFileStore, type FileStore, realClock } from '../../lab';

export { realClock };

/** GUIDs of the simulated site's seed (copied from reference creatio-api.md §3; tests must not import the simulator's internals). */
export const SITE = {
  supervisorContactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
  firstLineSupportGroupId: 'b5d51a2d-c0dd-477b-b2aa-58034367ba26',
  resolvedStatusId: 'ae7f411e-f46b-1410-009b-0050ba5d6c38',
  newStatusId: 'ae5f2f10-f46b-1410-fd9a-0050ba5d6c38',
  emailOriginId: '7f9e1f1e-f46b-1410-3492-0050ba5d6c38',
  chatOriginId: 'c5e1ab00-0001-4000-8000-000000000001',
  whatsAppOriginId: 'c5e1ab00-0001-4000-8000-000000000003',
  priorityCriticalId: 'afb33208-f46b-1410-ec8c-0050ba5d6c38',
  activityCompletedId: '4bdbb88f-58e6-df11-971b-001d60e938c6',
  incomingId: '7f9d1f86-f36b-1410-068c-20cf30b39373',
  outgoingId: '7f6d3f94-f36b-1410-068c-20cf30b39373',
} as const;

export function engineSettings(instanceUrl: string, overrides: Partial<EngineSettingsInput> = {}): EngineSettings {
  return EngineSettings.parse({
    instanceUrl,
    auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me' },
    webhookToken: 'test-token-0123456789abcdef',
    defaultCaseOwnerId: SITE.supervisorContactId,
    defaultCaseGroupId: SITE.firstLineSupportGroupId,
    resolvedStatusId: SITE.resolvedStatusId,
    sessionUrlTemplate: 'http://127.0.0.1/conversations/{sessionId}',
    outbox: { maxAttempts: 1000, baseDelayMs: 10, maxDelayMs: 200 },
    ...overrides,
  });
}

export interface EngineHarness {
  engine: SyncEngine;
  events: EngineEvent[];
  delivered: OutboundMessage[];
  store: FileStore<EngineRecord>;
  /** Stops the engine and closes its log. */
  stop(): Promise<void>;
  /** Resolves with the first event of `type` (already seen or still to come) matching `where`. */
  waitFor(type: EngineEventType, where?: (event: EngineEvent) => boolean): Promise<EngineEvent>;
  of<T extends EngineEventType>(type: T): Extract<EngineEvent, { type: T }>[];
}

export async function startEngine(options: { settings: EngineSettings; dir: string; clock?: Clock; compactAfterRecords?: number }): Promise<EngineHarness> {
  const events: EngineEvent[] = [];
  const delivered: OutboundMessage[] = [];
  const waiters: { type: EngineEventType; where: (e: EngineEvent) => boolean; resolve: (e: EngineEvent) => void }[] = [];
  const store = createFileStore<EngineRecord>(join(options.dir, 'engine', 'engine-log.jsonl'));
  const engine = createSyncEngine({
    settings: options.settings,
    ai: createSimulatedAi({}),
    ...(options.compactAfterRecords === undefined ? {} : { compactAfterRecords: options.compactAfterRecords }),
    ports: {
      clock: options.clock ?? realClock,
      random: { next: Math.random, uuid: randomUUID },
      fetch: (input, init) => fetch(input, init),
      store,
      channel: { deliver: async (message) => { delivered.push(message); return { delivered: true }; } },
    },
  });
  engine.onEvent((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.type === event.type && waiter.where(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  await engine.start();
  return {
    engine, events, delivered, store,
    async stop() {
      await engine.stop();
      await store.close();
    },
    waitFor(type, where = () => true) {
      const seen = events.find((e) => e.type === type && where(e));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ type, where, resolve }));
    },
    of: <T extends EngineEventType>(type: T) => events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type),
  };
}
