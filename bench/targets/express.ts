import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBareStore, entityBody, listBody, matchRoute } from './bare-store';
import { runTarget } from './child';

/** Baseline: a bare Express 5 app answering the same JSON from a Map (see bare-store.ts). */
runTarget(async (data) => {
  const store = createBareStore(data);
  const app = express();
  let base = '';
  app.get(/^\/0\/odata\/Activity\(([0-9a-fA-F-]{36})\)$/, (req, res) => {
    const id = (req.params as Record<string, string>)[0] ?? '';
    const row = store.get(id);
    if (!row) return void res.status(404).json({ error: { code: '', message: 'not found' } });
    res.json(entityBody(base, row));
  });
  app.get('/0/odata/Activity', (req, res) => {
    const route = matchRoute('GET', req.originalUrl);
    if (route.kind !== 'list') return void res.status(400).json({ error: { code: '', message: 'unsupported' } });
    res.json(listBody(base, store.byCase(route.caseId)));
  });
  app.post('/0/odata/Activity', express.json(), (req, res) => {
    res.status(201).json(entityBody(base, store.insert(req.body as Record<string, unknown>)));
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});
