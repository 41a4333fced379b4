import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeChatError } from './chat-error';
import { HOUR, START, countingIds, openChat, tempDir } from './chat-test-helpers';
import { createFakeChat } from './fake-chat';
import type { ChatEvent } from './fake-chat.types';

const customer = { name: 'Grace Hopper', email: 'grace@example.com', phone: '+15550100' };

describe('fake chat: conversations, delivery and events', () => {
  it('opens a conversation, takes the customer message with an id from newId, and emits events in order', async () => {
    const { chat, events } = await openChat();
    const opened = await chat.openConversation({ id: 'c1', channel: 'web', customer });
    expect(opened).toEqual({ id: 'c1', channel: 'web', customer, entries: [] });
    expect(await chat.openConversation({ id: 'c1', channel: 'sms', customer: { name: 'Other' } })).toEqual(opened);

    const entry = await chat.customerWrites('c1', 'Hello');
    expect(entry).toEqual({ id: 'e1', role: 'customer', text: 'Hello', at: new Date(START).toISOString(), state: 'shown' });
    expect(chat.get('c1')?.lastCustomerMessageAt).toBe(START);
    await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Hi Grace' });
    expect(events.map((e) => e.type)).toEqual(['chat.conversation-opened', 'chat.customer-wrote', 'chat.message-shown']);
    expect(events[2]).toMatchObject({ conversationId: 'c1', entry: { id: 'e2', messageId: 'm1', role: 'ai', text: 'Hi Grace' } });
  });

  it('shows the same helpdesk message id once; the second delivery answers delivered and emits chat.duplicate-ignored', async () => {
    const { chat, events } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    const message = { id: 'm1', conversationId: 'c1', role: 'agent' as const, text: 'On it' };
    const [first, second] = await Promise.all([chat.deliver(message), chat.deliver(message)]);
    expect(first).toEqual({ delivered: true });
    expect(second).toEqual({ delivered: true });
    expect(await chat.deliver(message)).toEqual({ delivered: true });
    expect(chat.get('c1')?.entries).toHaveLength(1);
    expect(events.filter((e) => e.type === 'chat.duplicate-ignored')).toEqual([
      { type: 'chat.duplicate-ignored', conversationId: 'c1', messageId: 'm1', at: new Date(START).toISOString() },
      { type: 'chat.duplicate-ignored', conversationId: 'c1', messageId: 'm1', at: new Date(START).toISOString() },
    ]);
  });

  it('answers a message for an unknown conversation with delivered:false naming the id', async () => {
    const { chat } = await openChat();
    const result = await chat.deliver({ id: 'm1', conversationId: 'nope-42', role: 'ai', text: 'Hi' });
    expect(result).toEqual({ delivered: false, reason: expect.stringContaining('nope-42') });
    await expect(chat.customerWrites('nope-42', 'Hi')).rejects.toMatchObject({ code: 'UNKNOWN_CONVERSATION', message: expect.stringContaining('nope-42') });
  });

  it('keeps delivering when a listener throws', async () => {
    const { chat, events } = await openChat();
    chat.onEvent(() => { throw new Error('listener bug'); });
    const later: ChatEvent[] = [];
    chat.onEvent((e) => later.push(e));
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    expect(await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Hi' })).toEqual({ delivered: true });
    expect(events.map((e) => e.type)).toEqual(['chat.conversation-opened', 'chat.message-shown']);
    expect(later).toHaveLength(2);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const { chat } = await openChat();
    const seen: ChatEvent[] = [];
    const off = chat.onEvent((e) => seen.push(e));
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    off();
    await chat.customerWrites('c1', 'Hi');
    expect(seen.map((e) => e.type)).toEqual(['chat.conversation-opened']);
  });

  it('rejects bad input with a clear error saying where', async () => {
    const { chat } = await openChat();
    await expect(chat.openConversation({ id: 'c1', channel: 'fax' as never, customer: { name: '' } }))
      .rejects.toThrow(/openConversation: .*channel.*customer\.name: the customer needs a name/s);
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    await expect(chat.customerWrites('c1', '  ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(() => chat.advanceClock(-1)).toThrow(FakeChatError);
  });
});

describe('fake chat: durable state in chat.json', () => {
  it('restores every conversation and the clock offset after reopening the folder', async () => {
    const dir = await tempDir();
    const first = await createFakeChat({ dir, now: () => START, newId: countingIds(), durability: 'fsync' });
    await first.openConversation({ id: 'c1', channel: 'email', customer });
    await first.openConversation({ id: 'c2', channel: 'whatsapp', customer: { name: 'Linus', phone: '+358401234567' } });
    await first.customerWrites('c1', 'Lamp broken');
    await first.customerWrites('c2', 'Hei');
    first.advanceClock(25 * HOUR);
    await first.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Sorry!' });
    await first.deliver({ id: 'm2', conversationId: 'c2', role: 'agent', text: 'Late answer' });
    const before = first.list();
    await first.close();

    const text = await readFile(join(dir, 'chat.json'), 'utf8');
    expect(text.startsWith('{\n  "version": 1,\n  "clockOffsetMs": 90000000,\n  "conversations": [')).toBe(true);
    expect(await readdir(dir)).toEqual(['chat.json']);

    const second = await createFakeChat({ dir, now: () => START, newId: countingIds('x') });
    expect(second.list()).toEqual(before);
    expect(second.get('c2')?.entries.at(-1)).toMatchObject({ state: 'refused' });
    // The restored dedupe keys and clock still apply.
    expect(await second.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Sorry!' })).toEqual({ delivered: true });
    expect(second.get('c1')?.entries).toHaveLength(2);
    expect((await second.customerWrites('c1', 'Thanks')).at).toBe(new Date(START + 25 * HOUR).toISOString());
    await second.close();
  });

  it('writes a stable, pretty-printed file: the same state gives the same bytes', async () => {
    const dir = await tempDir();
    const chat = await createFakeChat({ dir, now: () => START, newId: countingIds(), durability: 'none' });
    await chat.openConversation({ id: 'c1', channel: 'sms', customer: { phone: '+15550100', name: 'Grace', email: 'g@example.com' } });
    await chat.customerWrites('c1', 'Hi €');
    await chat.close();
    const text = await readFile(join(dir, 'chat.json'), 'utf8');
    expect(text).toContain('"customer": {\n        "name": "Grace",\n        "email": "g@example.com",\n        "phone": "+15550100"\n      }');
    const reopened = await createFakeChat({ dir, durability: 'none' });
    reopened.advanceClock(0);
    await reopened.close();
    expect(await readFile(join(dir, 'chat.json'), 'utf8')).toBe(text);
  });

  it('fails on a corrupt chat.json with an error naming the file, and leaves the file alone', async () => {
    const dir = await tempDir();
    const file = join(dir, 'chat.json');
    await writeFile(file, '{ "version": 1, "conversations": [');
    await expect(createFakeChat({ dir })).rejects.toMatchObject({ code: 'CORRUPT_CHAT_FILE', message: expect.stringContaining(file) });
    expect(await readFile(file, 'utf8')).toBe('{ "version": 1, "conversations": [');

    await writeFile(file, JSON.stringify({ version: 1, clockOffsetMs: 0, conversations: [{ id: 'c1', channel: 'pager', customer: { name: 'X' }, entries: [] }] }));
    await expect(createFakeChat({ dir })).rejects.toThrow(/chat\.json: not a fake chat state file \(conversations\.0\.channel/);
  });

  it('persists concurrent deliveries to several conversations', async () => {
    const { chat, dir } = await openChat({ durability: 'fsync' });
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await Promise.all(ids.map((id, i) => chat.openConversation({ id, channel: (['web', 'email', 'sms', 'whatsapp', 'web'] as const)[i]!, customer })));
    await Promise.all(ids.map((id) => chat.customerWrites(id, `Hello from ${id}`)));
    const results = await Promise.all(ids.flatMap((id) => Array.from({ length: 20 }, (_, n) =>
      chat.deliver({ id: `${id}-m${n}`, conversationId: id, role: n % 2 ? 'agent' : 'ai', text: `Reply ${n} to ${id}` }))));
    expect(results.every((r) => r.delivered)).toBe(true);

    const onDisk = JSON.parse(await readFile(join(dir, 'chat.json'), 'utf8')) as { conversations: { id: string; entries: { text: string }[] }[] };
    expect(onDisk.conversations.map((c) => [c.id, c.entries.length])).toEqual(ids.map((id) => [id, 21]));
    expect(onDisk.conversations[2]?.entries.at(-1)?.text).toBe('Reply 19 to c3');
  });

  it('reset() forgets every conversation, on disk too', async () => {
    const { chat, dir } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    await chat.reset();
    expect(chat.list()).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, 'chat.json'), 'utf8'))).toEqual({ version: 1, clockOffsetMs: 0, conversations: [] });
  });

  it('close() flushes, then further changes are refused', async () => {
    const { chat, dir } = await openChat();
    chat.advanceClock(5_000);
    await chat.close();
    expect(JSON.parse(await readFile(join(dir, 'chat.json'), 'utf8'))).toMatchObject({ clockOffsetMs: 5_000 });
    await expect(chat.openConversation({ id: 'c1', channel: 'web', customer })).rejects.toMatchObject({ code: 'CHAT_CLOSED' });
  });
});
