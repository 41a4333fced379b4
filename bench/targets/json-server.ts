import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import jsonServer from 'json-server';
import { runTarget } from './child';

/**
 * json-server 0.17 through its programmatic API, persisting to a real db.json (lowdb 1 FileSync:
 * every write re-serialises and rewrites the whole file, synchronously). Its own routes:
 * GET /activities/<id>, GET /activities?CaseId=<id>&_sort=CreatedOn, POST /activities.
 */
runTarget(async (data, config) => {
  const dbFile = join(config.workDir, 'db.json');
  // pretty-printed like json-server writes it, so the first write costs what every later one does
  await writeFile(dbFile, JSON.stringify({ activities: data.rows }, null, 2));
  const app = jsonServer.create();
  const router = jsonServer.router(dbFile);
  router.db._.id = 'Id';
  app.use(...jsonServer.defaults({ logger: false }));
  app.use(router);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});
