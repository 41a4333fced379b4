import express from 'express';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createAdminRouter } from './admin/admin.routes';
import { createJournal } from './admin/journal';
import { createFaults } from './faults/faults';
import { createSiteAuth } from './auth/site-auth';
import { createODataHandler, odataErrorHandler } from './odata/odata.routes';
import { createODataService } from './odata/odata-service';
import { ENTITIES, SCHEMA } from './schema/entities';
import { createSeed, SEED_USERS } from './schema/seed';
import { formatDate } from './schema/values';
import { SiteSettings } from './site-settings';
import { openJsonDocument } from './store/json-document';
import { openDataStore } from './store/workspace-store';
import type { DataStore } from './store/store.types';
import { startProcesses } from './processes/processes';
import type { Processes } from './processes/processes';
import type { BusinessProcess } from './processes/process.schema';

export interface MockCreatioOptions {
  /** Workspace folder; the site's data lives in `<workspace>/creatio/`. */
  workspace: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default (the lab never listens beyond this machine). */
  host?: string;
  /** Settings applied over the workspace's saved ones at start (users, OAuth clients, lifetimes...). */
  settings?: Partial<SiteSettings>;
  /** 'fsync' (default): a write is acknowledged once it is on disk. 'none' for throwaway runs. */
  durability?: 'fsync' | 'none';
  /** Clock in epoch milliseconds (tests inject one). */
  now?: () => number;
  /** How many requests the journal keeps (default 1,000). */
  journalCapacity?: number;
  /** Business processes saved at start (the lab passes the two seed templates pointing at the engine). */
  processes?: BusinessProcess[];
  /** "Call web service" timeout in ms (default 10,000). */
  processTimeoutMs?: number;
}

export interface MockCreatio {
  /** Base URL of the site, e.g. `http://127.0.0.1:53211`; OData at `${url}/0/odata/`. */
  readonly url: string;
  readonly store: DataStore;
  /** Business processes: registry, engine (`idle()` waits for queued runs) and process log. */
  readonly processes: Processes;
  close(): Promise<void>;
}

/** Starts the simulated Creatio site on loopback over a workspace folder. */
export async function startMockCreatio(options: MockCreatioOptions): Promise<MockCreatio> {
  const now = options.now ?? Date.now;
  const dir = join(options.workspace, 'creatio');
  const store = await openDataStore({
    dir, model: SCHEMA, seed: () => createSeed(formatDate(now())), durability: options.durability ?? 'fsync',
  });
  const defaults = SiteSettings.parse({ users: SEED_USERS.map(({ userName, password, contactId }) => ({ userName, password, contactId })) });
  const settingsDoc = await openJsonDocument(join(dir, 'site-settings.json'), SiteSettings, defaults);
  if (options.settings) await settingsDoc.update((current) => SiteSettings.parse({ ...current, ...options.settings }));

  const auth = createSiteAuth({ settings: () => settingsDoc.read(), now });
  const journal = createJournal({ capacity: options.journalCapacity ?? 1000, now });
  const service = createODataService({ model: SCHEMA, store, now: () => formatDate(now()) });
  const odata = createODataHandler({ service, requireAuth: auth.requireAuth });
  const faults = createFaults(now);
  const processes = await startProcesses({
    dir, model: SCHEMA, store, now, seed: options.processes, timeoutMs: options.processTimeoutMs,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(journal.middleware);
  app.use('/__lab', processes.router);
  app.use('/__lab', createAdminRouter({
    store, journal, auth,
    settings: {
      read: () => settingsDoc.read(),
      update: (patch) => settingsDoc.update((current) => SiteSettings.parse({ ...current, ...patch })),
    },
    entityNames: () => ENTITIES.map((e) => e.name),
    faults,
  }));
  app.use(faults.middleware);
  // OData first: it is the hot path, and its paths never meet the login and token routes.
  app.use(odata);
  app.use(auth.router);
  app.use((req, res) => {
    res.status(404).json({ Message: `No HTTP resource was found that matches the request URI '${req.originalUrl}'.` });
  });
  app.use(odataErrorHandler);

  const server = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    store,
    processes,
    close: () => (closing ??= (async () => {
      processes.engine.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    })()),
  };
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
