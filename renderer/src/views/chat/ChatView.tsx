/** The customer chat: start simulated customers on their channels; their conversations side by side. */
import { selectOrder } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';
import { AdvanceClockButton } from './AdvanceClockButton';
import { ConversationPanel } from './ConversationPanel';
import { StartConversationForm } from './StartConversationForm';

export function ChatView() {
  const order = useChatStore(selectOrder);
  return (
    <section className="view chat-view" aria-labelledby="chat-title">
      <header className="view-header">
        <h1 id="chat-title">Customer chat</h1>
        <StartConversationForm />
        <AdvanceClockButton />
      </header>
      {order.length === 0 ? (
        <p className="empty">No conversation yet. Start one above: a customer, how to reach them, and a channel.</p>
      ) : (
        <div className="chat-columns">
          {order.map((id) => <ConversationPanel key={id} id={id} />)}
        </div>
      )}
    </section>
  );
}
