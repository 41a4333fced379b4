/** The event stream over real HTTP: SSE framing, heartbeat, resumption, filters, disconnects. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLabServer, json, startFakeLab } from './fake-lab.test-support';
import { createSseReader } from './sse-reader.test-support';

let t: FakeLabServer;
beforeAll(async () => {
  t = await startFakeLab({ heartbeatMs: 50 });
});
afterAll(async () => {
  await t.close();
});

const publish = (type: string, source: 'engine' | 'chat' | 'lab' = 'engine') => t.lab.events.publish({ source, type, data: { n: 1 } });

/** Resolves once `test()` holds (no event tells the test when a server-side listener is gone). */
async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('GET /api/events', () => {
  it('sends each event as id: <seq> + data: <json>, live, with a heartbeat comment', async () => {
    const response = await t.api('/api/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const reader = createSseReader(response);
    await reader.next((f) => f.comments.includes('case-sync-lab events'));
    const published = publish('case.created');
    const { id, event } = await reader.nextEvent();
    expect(id).toBe(String(published.seq));
    expect(event).toEqual(published);
    await reader.next((f) => f.comments.includes('heartbeat'));
    await reader.cancel();
  });

  it('replays what came after Last-Event-ID (or ?after=), then goes on live, without repeats', async () => {
    const a = publish('one');
    const b = publish('two');
    const c = publish('three');
    const reader = createSseReader(await t.api('/api/events', { headers: { 'last-event-id': String(a.seq) } }));
    expect((await reader.nextEvent()).event.seq).toBe(b.seq);
    expect((await reader.nextEvent()).event.seq).toBe(c.seq);
    const d = publish('four');
    expect((await reader.nextEvent()).event.seq).toBe(d.seq);
    await reader.cancel();
    const after = createSseReader(await t.api(`/api/events?after=${c.seq}`));
    expect((await after.nextEvent()).event.seq).toBe(d.seq);
    await after.cancel();
  });

  it('filters by source and type (exact or prefix*)', async () => {
    const start = publish('marker').seq;
    const reader = createSseReader(await t.api(`/api/events?after=${start}&source=engine,chat&type=case.*,chat.message-shown`));
    publish('case.created', 'lab');
    publish('outbox.enqueued');
    const wanted = [publish('case.updated'), publish('chat.message-shown', 'chat')];
    expect((await reader.nextEvent()).event.seq).toBe(wanted[0]!.seq);
    expect((await reader.nextEvent()).event.seq).toBe(wanted[1]!.seq);
    await reader.cancel();
    const history = await json(t.api(`/api/events/history?after=${start}&type=case.*`));
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(['case.created', 'case.updated']);
    expect(history.lastSeq).toBe(wanted[1]!.seq);
  });

  it('lets go of its listener when the client disconnects', async () => {
    const before = t.subscribers();
    const reader = createSseReader(await t.api('/api/events'));
    await reader.next();
    expect(t.subscribers()).toBe(before + 1);
    await reader.cancel();
    await until(() => t.subscribers() === before);
  });

  it('answers a bad Last-Event-ID or query with a 400 naming it', async () => {
    const bad = await json(t.api('/api/events', { headers: { 'last-event-id': 'yesterday' } }));
    expect(bad.error.problems).toEqual([{ field: 'header.Last-Event-ID', problem: 'must be a whole number' }]);
    expect((await json(t.api('/api/events?after=-1'))).error.problems[0].field).toBe('query.after');
  });
});
