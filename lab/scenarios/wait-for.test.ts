import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../lab.types';
import { type Check, holds, notYet, waitFor, WaitTimeoutError } from './wait-for';

function bus() {
  const listeners = new Set<(event: LabEvent) => void>();
  let seq = 0;
  return {
    subscribe(listener: (event: LabEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish(type: string) {
      const event: LabEvent = { seq: ++seq, at: new Date().toISOString(), source: 'engine', type, data: {} };
      for (const listener of [...listeners]) listener(event);
    },
    size: () => listeners.size,
  };
}

describe('waitFor', () => {
  it('checks at once, then again on each event, and resolves with the value once the condition holds', async () => {
    const events = bus();
    let state = 0;
    let checks = 0;
    const waiting = waitFor({
      subscribe: events.subscribe, timeoutMs: 60_000, expected: 'state 2',
      check: () => {
        checks += 1;
        return state === 2 ? holds('two') : notYet(`state ${state}`);
      },
    });
    state = 1;
    events.publish('a');
    state = 2;
    events.publish('b');
    await expect(waiting).resolves.toBe('two');
    // Both events came while the first check was still awaited: one more look covers both.
    expect(checks).toBe(2);
    expect(events.size()).toBe(0);
  });

  it('times out saying what it waited for and what it saw last', async () => {
    const events = bus();
    const waiting = waitFor({ subscribe: events.subscribe, timeoutMs: 50, expected: 'the case in Creatio', check: () => notYet('no case yet') });
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe('timed out after 50 ms waiting for the case in Creatio; last seen: no case yet');
    expect(events.size()).toBe(0);
  });

  it('looks again only on the events recheckOn accepts, and never runs two checks at once', async () => {
    const events = bus();
    let running = 0;
    let overlapped = false;
    let release: (() => void) | undefined;
    let checks = 0;
    const waiting = waitFor({
      subscribe: events.subscribe, timeoutMs: 60_000, expected: 'a record', recheckOn: (e) => e.type.startsWith('record.'),
      check: async (): Promise<Check<number>> => {
        checks += 1;
        running += 1;
        overlapped ||= running > 1;
        if (checks === 2) await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
        return checks >= 3 ? holds(checks) : notYet(`check ${checks}`);
      },
    });
    await Promise.resolve();
    events.publish('request.completed');
    expect(checks).toBe(1);
    events.publish('record.inserted');
    events.publish('record.updated');
    events.publish('record.updated');
    release?.();
    await expect(waiting).resolves.toBe(3);
    expect(overlapped).toBe(false);
  });

  it('ends at once when a check throws (a mistake in the scenario, not "not yet")', async () => {
    const events = bus();
    const waiting = waitFor({ subscribe: events.subscribe, timeoutMs: 60_000, expected: 'x', check: () => { throw new Error('no customer "bob"'); } });
    await expect(waiting).rejects.toThrow('no customer "bob"');
  });
});
