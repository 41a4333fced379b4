/** The conversation's customer, channel, status and case, and the "request a human" shortcut. */
import { selectCaseCreated, selectCaseId, selectChannel, selectCustomerName, selectStatus } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';
import { selectCaseNumber } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import { CHANNEL_LABEL, STATUS_LABEL } from './channel-labels';
import { RequestHumanButton } from './RequestHumanButton';

export function ConversationHeader({ id }: { id: string }) {
  const name = useChatStore(selectCustomerName(id));
  const channel = useChatStore(selectChannel(id));
  const status = useChatStore(selectStatus(id));
  const caseId = useChatStore(selectCaseId(id));
  const caseCreated = useChatStore(selectCaseCreated(id));
  const caseNumber = useCreatioStore(selectCaseNumber(caseId));
  const caseText = !caseId ? 'No case yet' : !caseCreated ? 'Case on its way to Creatio' : `Case ${caseNumber ?? 'in Creatio'}`;
  return (
    <header className="conversation-header">
      <div className="conversation-title">
        <h2>{name}</h2>
        <span className={`badge status-${status}`} aria-label={`Status: ${STATUS_LABEL[status]}`}>{STATUS_LABEL[status]}</span>
      </div>
      <p className="conversation-meta">
        <span className={`channel channel-${channel}`}>{CHANNEL_LABEL[channel]}</span> · <span>{caseText}</span>
      </p>
      <RequestHumanButton id={id} />
    </header>
  );
}
