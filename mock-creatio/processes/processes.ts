import { join } from 'node:path';
import express from 'express';
import type { SchemaModel } from '../schema/model';
import { openJsonDocument } from '../store/json-document';
import type { DataStore } from '../store/store.types';
import { createProcessEngine } from './process-engine';
import type { ProcessEngine } from './process-engine';
import { createProcessLog } from './process-log';
import type { ProcessLog } from './process-log';
import { createProcessRegistry } from './process-registry';
import type { ProcessRegistry } from './process-registry';
import { ProcessesFile } from './process.schema';
import type { BusinessProcess } from './process.schema';
import { createProcessPreviewRoutes } from './process-preview.routes';
import { createProcessRoutes } from './processes.routes';

export interface ProcessesOptions {
  /** The site's data folder (`<workspace>/creatio`); processes live in `processes.json` there. */
  dir: string;
  model: SchemaModel;
  store: DataStore;
  now: () => number;
  /** Processes saved at start (each replaces the stored one with its id; `active` is kept). */
  seed?: readonly BusinessProcess[];
  /** Process log capacity (default 1,000 runs). */
  logCapacity?: number;
  /** "Call web service" timeout in ms (default 10,000). */
  timeoutMs?: number;
}

export interface Processes {
  registry: ProcessRegistry;
  engine: ProcessEngine;
  log: ProcessLog;
  /** Admin routes, to mount at `/__lab` before the admin router. */
  router: express.Router;
}

/** Business processes of the site: storage, the engine listening to commits, the log, the admin API. */
export async function startProcesses(options: ProcessesOptions): Promise<Processes> {
  const doc = await openJsonDocument(join(options.dir, 'processes.json'), ProcessesFile, { processes: [] });
  const registry = createProcessRegistry({ doc, model: options.model, store: options.store });
  if (options.seed?.length) await registry.seed(options.seed);
  const log = createProcessLog(options.logCapacity ?? 1000);
  const engine = createProcessEngine({
    model: options.model, store: options.store, processes: registry.list, log, now: options.now, timeoutMs: options.timeoutMs,
  });
  // The request preview (a lab extra) beside the process routes.
  const router = express.Router();
  router.use(createProcessPreviewRoutes({ model: options.model, store: options.store }), createProcessRoutes({ registry, engine, log, store: options.store }));
  return { registry, engine, log, router };
}
