import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBareStore, entityBody, listBody, matchRoute } from './bare-store';
import { runTarget } from './child';

/** Baseline: a plain node:http server answering the same JSON from a Map (see bare-store.ts). */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

runTarget(async (data) => {
  const store = createBareStore(data);
  let base = '';
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const route = matchRoute(req.method ?? 'GET', req.url ?? '/');
    if (route.kind === 'key') {
      const row = store.get(route.id);
      return row ? reply(200, entityBody(base, row)) : reply(404, { error: { code: '', message: 'not found' } });
    }
    if (route.kind === 'list') return reply(200, listBody(base, store.byCase(route.caseId)));
    if (route.kind === 'post') {
      return void readBody(req).then(
        (body) => reply(201, entityBody(base, store.insert(body))),
        () => reply(400, { error: { code: '', message: 'bad json' } }),
      );
    }
    reply(404, { error: { code: '', message: 'not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});
