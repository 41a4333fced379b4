/**
 * Idempotent intake: a customer whose message was not acknowledged (the engine died after storing
 * it) sends it again with the same client message id, and the engine must not store it twice —
 * also after a restart, after compaction, and while the first copy is still being stored.
 */
import { describe, expect, it } from 'vitest';
import { createSimulatedAi } from './ai';
import { createManualClock } from './creatio/test-clock';
import type { EngineRecord } from './events';
import type { Store } from './ports';
import { EngineSettings } from './settings';
import { createSyncEngine } from './sync-engine';

/** An in-memory Store whose appends can be held back (the message is in the state, not yet stored). */
function memoryStore() {
  const records: EngineRecord[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => undefined as void;
  const store: Store<EngineRecord> = {
    load: async () => structuredClone(records),
    append: async (list) => {
      await gate;
      records.push(...structuredClone(list));
    },
    compact: async (list) => void records.splice(0, records.length, ...structuredClone(list)),
  };
  return { store, records, hold() { gate = new Promise((resolve) => { open = resolve; }); }, release: () => open() };
}

const settings = EngineSettings.parse({
  instanceUrl: 'http://127.0.0.1:9', auth: { kind: 'forms', userName: 'Supervisor', password: 'Supervisor' },
  webhookToken: 'test-token-0123456789abcdef', createCaseOnlyOnHandoff: true,
});

let uuids = 0;
function makeEngine(store: Store<EngineRecord>, compactAfterRecords?: number) {
  return createSyncEngine({
    settings, ai: createSimulatedAi({}), ...(compactAfterRecords === undefined ? {} : { compactAfterRecords }),
    ports: {
      clock: createManualClock(), random: { next: () => 0.5, uuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}` },
      fetch: () => Promise.reject(new Error('no Creatio in this test')), store,
      channel: { deliver: async () => ({ delivered: true }) },
    },
  });
}

const QUESTION = 'Which payment methods do you accept?';
const customerTexts = (engine: ReturnType<typeof makeEngine>, id: string) =>
  engine.getConversation(id)!.messages.filter((m) => m.role === 'customer').map((m) => m.text);

describe('idempotent message intake', () => {
  it('answers a repeat with the stored message and its reply, storing nothing', async () => {
    const memory = memoryStore();
    const engine = makeEngine(memory.store);
    await engine.start();
    const { id } = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    const first = await engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' });
    expect(first.reply).toBeDefined();
    const records = memory.records.length;
    const again = await engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' });
    expect(again).toEqual({ message: first.message, reply: first.reply });
    expect(memory.records).toHaveLength(records);
    expect(customerTexts(engine, id)).toEqual([QUESTION]);
  });

  it('stores messages with different ids, or with none, each time', async () => {
    const engine = makeEngine(memoryStore().store);
    await engine.start();
    const { id } = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    await engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' });
    await engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-2' });
    await engine.receiveMessage(id, QUESTION);
    await engine.receiveMessage(id, QUESTION);
    expect(customerTexts(engine, id)).toHaveLength(4);
  });

  it('scopes the id to its conversation', async () => {
    const engine = makeEngine(memoryStore().store);
    await engine.start();
    const a = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    const b = await engine.startConversation({ customer: { name: 'Bo' }, channel: 'web' });
    await engine.receiveMessage(a.id, QUESTION, { clientMessageId: 'c-1' });
    await engine.receiveMessage(b.id, QUESTION, { clientMessageId: 'c-1' });
    expect(customerTexts(engine, b.id)).toEqual([QUESTION]);
  });

  it('recognises a repeat after a restart, also from a compacted log', async () => {
    for (const compactAfterRecords of [undefined, 0]) {
      const memory = memoryStore();
      const first = makeEngine(memory.store);
      await first.start();
      const { id } = await first.startConversation({ id: 'session-1', customer: { name: 'Ann' }, channel: 'web' });
      const original = await first.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' });
      await first.stop();
      const second = makeEngine(memory.store, compactAfterRecords);
      await second.start();
      expect(memory.records.length === 1).toBe(compactAfterRecords === 0);
      const again = await second.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' });
      expect(again).toEqual({ message: original.message, reply: original.reply });
      expect(customerTexts(second, id)).toEqual([QUESTION]);
      const restarted = await second.startConversation({ id: 'session-1', customer: { name: 'Someone else' }, channel: 'email' });
      expect(restarted).toEqual(first.getConversation(id));
    }
  });

  it('does not acknowledge a repeat before the first copy is stored', async () => {
    const memory = memoryStore();
    const engine = makeEngine(memory.store);
    await engine.start();
    const { id } = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    memory.hold();
    const acknowledged: string[] = [];
    const first = engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' }).then((r) => { acknowledged.push('first'); return r; });
    const repeat = engine.receiveMessage(id, QUESTION, { clientMessageId: 'c-1' }).then((r) => { acknowledged.push('repeat'); return r; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toEqual([]);
    memory.release();
    expect(await repeat).toEqual(await first);
    expect(customerTexts(engine, id)).toEqual([QUESTION]);
    expect(memory.records.filter((r) => r.events.some((e) => e.type === 'message.received'))).toHaveLength(1);
  });

  it('does not acknowledge a repeated start before the conversation is stored', async () => {
    const memory = memoryStore();
    const engine = makeEngine(memory.store);
    await engine.start();
    memory.hold();
    const input = { id: 'session-2', customer: { name: 'Ann' }, channel: 'web' } as const;
    let acknowledged = 0;
    const both = [engine.startConversation(input), engine.startConversation(input)].map((p) => p.then((v) => { acknowledged += 1; return v; }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toBe(0);
    memory.release();
    const [a, b] = await Promise.all(both);
    expect(a).toEqual(b);
    expect(memory.records.filter((r) => r.events.some((e) => e.type === 'conversation.started'))).toHaveLength(1);
  });
});
