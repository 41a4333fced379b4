/** One customer's conversation: who and where, what their channel shows, and what they write. */
import { selectCustomerName } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { EntryList } from './EntryList';

export function ConversationPanel({ id }: { id: string }) {
  const name = useChatStore(selectCustomerName(id));
  return (
    <section className="conversation" aria-label={`Conversation with ${name}`}>
      <ConversationHeader id={id} />
      <EntryList id={id} />
      <Composer id={id} />
    </section>
  );
}
