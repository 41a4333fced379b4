/**
 * The composition root (issue 5): the simulated Creatio site, the sync engine with its webhook
 * receiver, the fake chat and the Lab API on loopback, over one workspace folder
 * (lab-workspace.ts has the layout). The parts start in lab-parts.ts; the Lab object is
 * lab-facade.ts; this file adds the Lab API server and closes everything in reverse start order.
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createLabApiApp } from './api/lab-api';
import { createLabFacade } from './lab-facade';
import { startLabParts } from './lab-parts';
import { workspacePaths } from './lab-workspace';
import type { Lab, LabOptions } from './lab.types';
import { secretToken } from './seeded-random';

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Starts the whole lab; on any failure, stops what had started and rethrows. */
export async function startLab(options: LabOptions): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) throw new Error(`host: the lab listens on loopback only (127.x.x.x), not "${host}"`);
  const workspace = resolve(options.workspace);
  const token = options.apiToken ?? secretToken(32);
  await mkdir(workspace, { recursive: true });

  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    const parts = await startLabParts({ options, workspace, paths: workspacePaths(workspace), host, apiToken: token, closers });
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= closeAll().then(() => void parts.bus.publish({ source: 'lab', type: 'lab.closed', data: {} })));
    const lab = createLabFacade(parts, { token, workspace, close });

    const app = createLabApiApp({ lab, token, ...(options.uiDir ? { uiDir: options.uiDir } : {}) });
    const server = await listen(createServer(app), options.port ?? 0, host);
    closers.push(() => closeServer(server));
    const ui = `http://${host}:${(server.address() as AddressInfo).port}/`;
    Object.assign(lab.urls, { ui, api: `${ui}api` });
    parts.bus.publish({
      source: 'lab', type: 'lab.started',
      data: {
        workspace, mode: lab.mode(), urls: { ...lab.urls }, followsLabSite: parts.state.followsLabSite,
        fresh: !parts.previous, processes: parts.moved ?? { seeded: ['agent-reply', 'case-closure'] },
      },
    });
    return lab;
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message;
      fail(Object.assign(new Error(`The Lab API could not listen on ${host}:${port}: ${why}`, { cause: error }), { code: error.code }));
    });
    server.listen(port, host, () => done(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    // Event streams (SSE) never end on their own: cut them so close() returns.
    server.closeAllConnections();
  });
}
