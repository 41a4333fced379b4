/**
 * The engine inside the lab: one engine over its file store at a time. Reset and snapshot restore
 * stop it and start a new one over a new log, so hosts read the current engine each time
 * (`lab.engine` is a getter) and the webhook receiver and the chat reach it through delegates.
 */
import { rm } from 'node:fs/promises';
import {
  type Channel, type Clock, createSyncEngine, type EngineRecord, type EngineSettings, type Random, type SimulatedAi, type SyncEngine,
  type WebhookRequest, type WebhookResponse,
} from '../engine';
import { createFileStore, type FileStore } from './engine-file-store';
import { bridgeEngine, type CaseIndex } from './lab-bridges';
import type { LabEventBus } from './lab.types';

/** The host's clock: real time; timers never keep the process alive (ports.ts asks for unref). */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface EngineSlotOptions {
  logFile: string;
  fsync: boolean;
  ai: SimulatedAi;
  random: Random;
  channel: Channel;
  bus: LabEventBus;
  cases: CaseIndex;
}

export interface EngineSlot {
  /** The running engine (throws before the first start). */
  readonly engine: SyncEngine;
  /** Starts a new engine over the log file (replaying it) with these settings. */
  start(settings: EngineSettings): Promise<void>;
  /** Stops the engine and closes its log (idempotent). */
  stop(): Promise<void>;
  /** Deletes the log file (the engine must be stopped). */
  deleteLog(): Promise<void>;
  /** The webhook receiver's entry: the current engine, or 503 while the lab has none yet. */
  handleWebhook(request: WebhookRequest): Promise<WebhookResponse>;
}

const STARTING: WebhookResponse = { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'The helpdesk is starting; try again' } } };

export function createEngineSlot(options: EngineSlotOptions): EngineSlot {
  let current: { engine: SyncEngine; store: FileStore<EngineRecord>; unbridge: () => void; stopping?: Promise<void> } | undefined;

  return {
    get engine() {
      if (!current) throw new Error('the lab has no engine yet');
      return current.engine;
    },
    async start(settings) {
      const store = createFileStore<EngineRecord>(options.logFile, { fsync: options.fsync });
      const engine = createSyncEngine({
        settings, ai: options.ai,
        ports: { clock: realClock, random: options.random, fetch: (input, init) => fetch(input, init), store, channel: options.channel },
      });
      // Bridge before start, so `engine.started` reaches the bus.
      const unbridge = bridgeEngine(engine, options.bus, options.cases);
      current = { engine, store, unbridge };
      try {
        await engine.start();
      } catch (error) {
        unbridge();
        await store.close().catch(() => undefined);
        current = undefined;
        throw error;
      }
    },
    stop() {
      const slot = current;
      if (!slot) return Promise.resolve();
      slot.stopping ??= (async () => {
        await slot.engine.stop();
        slot.unbridge();
        await slot.store.close();
      })();
      return slot.stopping;
    },
    deleteLog: () => rm(options.logFile, { force: true }),
    handleWebhook: (request) => (current ? current.engine.handleWebhook(request) : Promise.resolve(STARTING)),
  };
}
