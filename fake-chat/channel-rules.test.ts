import { describe, expect, it } from 'vitest';
import { HOUR, START, openChat } from './chat-test-helpers';

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+447700900123' };

describe('WhatsApp: the 24-hour customer service window', () => {
  it('delivers up to exactly 24 h after the customer wrote and refuses 1 ms later, visibly', async () => {
    const { chat, events } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'whatsapp', customer });
    await chat.customerWrites('c1', 'Is my lamp shipped?');
    chat.advanceClock(24 * HOUR);
    expect(await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Yes, today.' })).toEqual({ delivered: true });

    chat.advanceClock(1);
    const refused = await chat.deliver({ id: 'm2', conversationId: 'c1', role: 'agent', text: 'Anything else?' });
    expect(refused.delivered).toBe(false);
    const reason = refused.delivered ? '' : refused.reason;
    expect(reason).toContain('WhatsApp: outside the 24-hour customer service window (last customer message at 2026-01-15T09:00:00.000Z');

    const entry = chat.get('c1')?.entries.at(-1);
    expect(entry).toMatchObject({ messageId: 'm2', role: 'agent', text: 'Anything else?', state: 'refused', refusal: reason });
    expect(entry?.at).toBe(new Date(START + 24 * HOUR + 1).toISOString());
    expect(events.filter((e) => e.type === 'chat.message-refused')).toMatchObject([{ conversationId: 'c1', reason }]);
  });

  it('refuses system notices outside the window too', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'whatsapp', customer });
    await chat.customerWrites('c1', 'Hello');
    chat.advanceClock(25 * HOUR);
    const result = await chat.deliver({ id: 'n1', conversationId: 'c1', role: 'system', text: 'This conversation was resolved.' });
    expect(result.delivered).toBe(false);
  });

  it('refuses a business message before the customer ever wrote', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'whatsapp', customer });
    const result = await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'Hi' });
    expect(result).toEqual({ delivered: false, reason: expect.stringContaining('the customer has not written yet') });
  });

  it('reopens the window when the customer writes again; a retried refused message is then shown', async () => {
    const { chat, events } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'whatsapp', customer });
    await chat.customerWrites('c1', 'Hello');
    chat.advanceClock(30 * HOUR);
    expect((await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'Sorry for the wait' })).delivered).toBe(false);
    // The engine retries: still refused, and the refused entry is not repeated.
    expect((await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'Sorry for the wait' })).delivered).toBe(false);
    expect(chat.get('c1')?.entries.filter((e) => e.messageId === 'm1')).toHaveLength(1);

    await chat.customerWrites('c1', 'Still there?');
    expect(await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'Sorry for the wait' })).toEqual({ delivered: true });
    expect(chat.get('c1')?.entries.map((e) => [e.role, e.messageId, e.state])).toEqual([
      ['customer', undefined, 'shown'], ['agent', 'm1', 'refused'], ['customer', undefined, 'shown'], ['agent', 'm1', 'shown'],
    ]);
    expect(events.filter((e) => e.type === 'chat.message-shown')).toHaveLength(1);
  });

  it('does not apply the window to other channels', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    await chat.customerWrites('c1', 'Hello');
    chat.advanceClock(72 * HOUR);
    expect(await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'Back to you' })).toEqual({ delivered: true });
  });
});

describe('how each channel shows a message', () => {
  it('web widget: the text as is, no subject, no segments', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'web', customer });
    await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: '  Hello,\nhow can I help? ' });
    const entry = chat.get('c1')?.entries[0];
    expect(entry).toMatchObject({ text: '  Hello,\nhow can I help? ', state: 'shown' });
    expect(entry).not.toHaveProperty('subject');
    expect(entry).not.toHaveProperty('segments');
  });

  it('email: the first customer message gives the subject (cut), everything after is "Re: ..."', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'email', customer });
    const first = await chat.customerWrites('c1', 'My new desk lamp flickers every evening after about ten minutes of use\n\nRegards, Ada');
    expect(first.subject).toBe('My new desk lamp flickers every evening after about ten…');
    await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text: 'Sorry to hear that.' });
    await chat.deliver({ id: 'm2', conversationId: 'c1', role: 'system', text: 'This conversation was resolved.' });
    expect(chat.get('c1')?.entries.map((e) => e.subject)).toEqual([
      'My new desk lamp flickers every evening after about ten…',
      'Re: My new desk lamp flickers every evening after about ten…',
      'Re: My new desk lamp flickers every evening after about ten…',
    ]);
    expect(chat.get('c1')?.entries[1]?.text).toBe('Sorry to hear that.');
  });

  it('email: a helpdesk message before the customer wrote opens the thread with a default subject', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'email', customer });
    await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'agent', text: 'We noticed a problem with your order.' });
    const reply = await chat.customerWrites('c1', 'What problem?');
    expect(chat.get('c1')?.entries.map((e) => e.subject)).toEqual(['Your conversation with us', 'Re: Your conversation with us']);
    expect(reply.subject).toBe('Re: Your conversation with us');
  });

  it('SMS: a long reply is recorded with its segments and the full text', async () => {
    const { chat } = await openChat();
    await chat.openConversation({ id: 'c1', channel: 'sms', customer });
    const short = await chat.customerWrites('c1', 'Where is my order?');
    expect(short.segments).toEqual(['Where is my order?']);
    const text = 'x'.repeat(161);
    await chat.deliver({ id: 'm1', conversationId: 'c1', role: 'ai', text });
    const entry = chat.get('c1')?.entries[1];
    expect(entry?.text).toBe(text);
    expect(entry?.segments).toEqual(['x'.repeat(153), 'x'.repeat(8)]);
  });
});
