import { describe, expect, it } from 'vitest';
import { createLabEventBus } from './event-bus';
import { createRedactor } from './lab-redact';
import { createSeededRandom } from './seeded-random';

describe('lab event bus', () => {
  it('numbers events from 1, keeps the last `capacity`, and answers history after a seq', () => {
    const bus = createLabEventBus({ capacity: 3, now: () => Date.UTC(2026, 0, 1) });
    for (let i = 0; i < 5; i++) bus.publish({ source: 'lab', type: 'lab.tick', data: { i } });
    expect(bus.history().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(bus.history(4).map((e) => e.seq)).toEqual([5]);
    expect(bus.history(1).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(bus.history()[0]).toEqual({ seq: 3, at: '2026-01-01T00:00:00.000Z', source: 'lab', type: 'lab.tick', data: { i: 2 } });
  });

  it('a throwing listener does not stop the publisher or the other listeners', () => {
    const bus = createLabEventBus();
    const seen: number[] = [];
    bus.subscribe(() => {
      throw new Error('gone');
    });
    const off = bus.subscribe((e) => seen.push(e.seq));
    expect(bus.publish({ source: 'chat', type: 'chat.customer-wrote', data: {} }).seq).toBe(1);
    off();
    bus.publish({ source: 'chat', type: 'chat.customer-wrote', data: {} });
    expect(seen).toEqual([1]);
  });

  it('redacts webhook tokens in URLs, known secrets anywhere, and values under secret-looking keys', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUv';
    const bus = createLabEventBus({ redact: createRedactor(() => [token, 'lab-client-secret-change-me', 'short']) });
    const event = bus.publish({
      source: 'process', type: 'process.ran',
      data: { url: 'http://127.0.0.1:1/backend/creatio/webhook/anything', note: `said ${token} and lab-client-secret-change-me`, clientSecret: 'x', text: 'short' },
    });
    expect(event.data).toEqual({ url: 'http://127.0.0.1:1/backend/creatio/webhook/***', note: 'said *** and ***', clientSecret: '***', text: 'short' });
  });
});

describe('seeded random', () => {
  it('repeats for the same seed and stream, differs across streams, and makes v4-shaped GUIDs', () => {
    const a = createSeededRandom(42, 'engine');
    const b = createSeededRandom(42, 'engine');
    const c = createSeededRandom(42, 'chat');
    const first = [a.uuid(), a.next()];
    expect([b.uuid(), b.next()]).toEqual(first);
    expect(c.uuid()).not.toBe(first[0]);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
