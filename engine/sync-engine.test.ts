import { describe, expect, it } from 'vitest';
import { createSimulatedAi } from './ai';
import { createManualClock } from './creatio/test-clock';
import type { EngineEvent, EngineRecord } from './events';
import type { Store } from './ports';
import { EngineSettings } from './settings';
import { createSyncEngine } from './sync-engine';

/** An in-memory Store whose appends wait until the test lets them through. */
function gatedStore() {
  const records: EngineRecord[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => undefined as void;
  const store: Store<EngineRecord> = {
    load: async () => structuredClone(records),
    append: async (list) => {
      await gate;
      records.push(...structuredClone(list));
    },
    compact: async (list) => {
      records.splice(0, records.length, ...structuredClone(list));
    },
  };
  return {
    store, records,
    close() { gate = new Promise((resolve) => { open = resolve; }); },
    open: () => open(),
  };
}

const settings = EngineSettings.parse({
  instanceUrl: 'http://127.0.0.1:9', auth: { kind: 'forms', userName: 'Supervisor', password: 'Supervisor' },
  webhookToken: 'test-token-0123456789abcdef', createCaseOnlyOnHandoff: true,
});

function makeEngine(store: Store<EngineRecord>, ai = createSimulatedAi({})) {
  let n = 0;
  const events: EngineEvent[] = [];
  const engine = createSyncEngine({
    settings, ai,
    ports: {
      clock: createManualClock(), random: { next: () => 0.5, uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
      fetch: () => Promise.reject(new Error('no Creatio in this test')), store,
      channel: { deliver: async () => ({ delivered: false, reason: 'offline' }) },
    },
  });
  engine.onEvent((e) => events.push(e));
  return { engine, events };
}

describe('createSyncEngine', () => {
  it('acknowledges a customer message only once it is stored', async () => {
    const gated = gatedStore();
    const { engine } = makeEngine(gated.store);
    await engine.start();
    const { id } = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    gated.close();
    let acknowledged = false;
    const pending = engine.receiveMessage(id, 'Which payment methods do you accept?').then(() => { acknowledged = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toBe(false);
    gated.open();
    await pending;
    expect(gated.records.at(-1)!.events.map((e) => e.type)).toEqual(['message.received', 'ai.replied']);
  });

  it('rebuilds the same conversations from its log', async () => {
    const gated = gatedStore();
    const first = makeEngine(gated.store);
    await first.engine.start();
    const { id } = await first.engine.startConversation({ customer: { name: 'Ann', email: 'ann@example.com' }, channel: 'email' });
    await first.engine.receiveMessage(id, 'How do I reset my password?');
    await first.engine.requestHandoff(id, 'wants a call');
    await first.engine.stop();
    const second = makeEngine(gated.store);
    await second.engine.start();
    expect(second.engine.listConversations()).toEqual(first.engine.listConversations());
    expect(second.engine.outbox()).toEqual(first.engine.outbox());
    expect(second.engine.getConversation(id)).toMatchObject({ status: 'handed_off', caseId: expect.any(String) });
  });

  it('keeps the customer message when the AI fails, and reports a failed delivery as an event', async () => {
    const gated = gatedStore();
    const ai = createSimulatedAi({});
    const broken = { ...ai, respond: () => { throw new Error('model offline'); } };
    const { engine, events } = makeEngine(gated.store, broken);
    await engine.start();
    const { id } = await engine.startConversation({ customer: { name: 'Ann' }, channel: 'web' });
    const result = await engine.receiveMessage(id, 'Hello?');
    expect(result.reply).toBeUndefined();
    expect(engine.getConversation(id)!.messages.map((m) => m.text)).toEqual(['Hello?']);
    expect(events.map((e) => e.type)).toContain('ai.failed');

    const handoff = await engine.requestHandoff(id);
    expect(handoff.reason).toBeTruthy();
    expect(events.filter((e) => e.type === 'message.delivery-failed')).toEqual([expect.objectContaining({ reason: 'offline' })]);
  });

  it('rejects unknown conversations and use before start', async () => {
    const { engine } = makeEngine(gatedStore().store);
    await expect(engine.receiveMessage('nope', 'x')).rejects.toThrow(/not started/);
    await engine.start();
    await expect(engine.receiveMessage('nope', 'x')).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });
});
