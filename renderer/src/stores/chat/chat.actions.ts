/** What the chat view does through the Lab API; answers go into the chat store. */
import { SayBody, type StartConversationBody } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { coalesceByKey } from '../../lib/coalesce';
import { useChatStore } from './chat.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useChatStore.getState();

export async function loadConversations(): Promise<void> {
  const client = labClient();
  const { conversations } = await client.listConversations();
  store().replaceAll(await Promise.all(conversations.map((c) => client.getConversation(c.id))));
}

/** Reads one conversation again; bursts of triggers coalesce, and the last read always starts after the last trigger. */
export const refreshConversation = coalesceByKey(async (id) => {
  store().upsert(await labClient().getConversation(id));
}, (error) => console.warn('Could not refresh a conversation:', error));

/** Starts a conversation; resolves with its id. */
export async function startConversation(body: StartConversationBody): Promise<string> {
  const conversation = await labClient().startConversation(body);
  store().upsert(conversation);
  return conversation.id;
}

/** Marks the conversation busy while `work` runs, then reads it again; a failure becomes its error. */
async function busyWhile(id: string, work: () => Promise<void>): Promise<void> {
  store().setBusy(id, true);
  store().setError(id, undefined);
  try {
    await work();
    void refreshConversation(id);
  } catch (error) {
    store().setError(id, message(error));
  } finally {
    store().setBusy(id, false);
  }
}

/** Sends the draft as the customer; the draft is kept when the lab refuses it. */
export async function sendDraft(id: string): Promise<void> {
  const parsed = SayBody.safeParse({ text: store().drafts[id] ?? '' });
  if (!parsed.success) return store().setError(id, 'Write a message first');
  await busyWhile(id, async () => {
    store().upsert(await labClient().say(id, parsed.data));
    store().setDraft(id, '');
  });
}

/** The customer asks for a human: a manual handoff (409 unless the conversation is open). */
export async function requestHuman(id: string): Promise<void> {
  await busyWhile(id, async () => {
    store().upsert((await labClient().handoff(id, { reason: 'The customer asked for a human' })).conversation);
  });
}

/** Moves the chat's clock forward (a WhatsApp reply more than 24 hours after the customer's last message is refused). */
export async function advanceChatClock(hours: number): Promise<void> {
  await labClient().advanceChatClock({ ms: hours * 3_600_000 });
}
