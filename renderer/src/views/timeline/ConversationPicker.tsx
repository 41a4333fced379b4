/** Chooses the conversation the Timeline draws, by customer, channel and case. */
import { useId } from 'react';
import { useChatStore } from '../../stores/chat/chat.store';
import { useTimelineStore } from '../../stores/timeline/timeline.store';
import { CHANNEL_LABEL } from '../chat/channel-labels';

export function ConversationPicker({ shownId }: { shownId: string | null }) {
  const field = useId();
  const order = useChatStore((s) => s.order);
  const byId = useChatStore((s) => s.byId);
  const choose = useTimelineStore((s) => s.chooseConversation);
  if (order.length === 0) return null;
  return (
    <div className="timeline-picker">
      <label htmlFor={field}>Conversation</label>
      <select id={field} value={shownId ?? ''} onChange={(e) => choose(e.target.value || null)}>
        {order.map((id) => {
          const c = byId[id];
          return <option key={id} value={id}>{c ? `${c.customer.name} · ${CHANNEL_LABEL[c.channel]}` : id}</option>;
        })}
      </select>
    </div>
  );
}
