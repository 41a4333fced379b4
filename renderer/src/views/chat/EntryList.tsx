/** What the customer's channel shows, newest at the bottom (kept in view as entries arrive). */
import { useEffect, useRef } from 'react';
import { selectChannel, selectCustomerName, selectEntries } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';
import { ChatEntryItem } from './ChatEntryItem';

export function EntryList({ id }: { id: string }) {
  const entries = useChatStore(selectEntries(id));
  const channel = useChatStore(selectChannel(id));
  const name = useChatStore(selectCustomerName(id));
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [entries.length]);
  return (
    <ol ref={list} className="entries" aria-label={`Messages with ${name}`} aria-live="polite">
      {entries.map((entry) => <ChatEntryItem key={entry.id} entry={entry} channel={channel} />)}
    </ol>
  );
}
