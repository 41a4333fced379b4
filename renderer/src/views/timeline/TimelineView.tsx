/**
 * The Timeline: one conversation's two-way flow as a sequence diagram (customer · engine · Creatio ·
 * process · webhook), live as events arrive; a click on a hop shows the request behind it.
 */
import { useEffect } from 'react';
import { loadHistory } from '../../stores/timeline/timeline.actions';
import '../../styles/timeline.css';
import { ConversationPicker } from './ConversationPicker';
import { RequestPanel } from './RequestPanel';
import { SequenceDiagram } from './SequenceDiagram';
import { useShownConversation } from './use-shown-conversation';

export function TimelineView() {
  const conversation = useShownConversation();
  useEffect(() => {
    void loadHistory();
  }, []);
  return (
    <section className="view timeline-view" aria-labelledby="timeline-title">
      <header className="view-header">
        <h1 id="timeline-title">Timeline</h1>
        <ConversationPicker shownId={conversation?.id ?? null} />
        <p className="view-note">Each arrow is a hop, with its time and the time since the hop before. Click one to see its request.</p>
      </header>
      {conversation ? (
        <div className="timeline-columns">
          <SequenceDiagram conversationId={conversation.id} caseId={conversation.caseId} />
          <RequestPanel />
        </div>
      ) : (
        <p className="empty">No conversation yet. Start one in the Customer chat; its flow is drawn here as it happens.</p>
      )}
    </section>
  );
}
