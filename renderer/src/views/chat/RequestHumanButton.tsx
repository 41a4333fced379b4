/** The customer asks for a human agent (a manual handoff); only an open conversation can be handed off. */
import { selectBusy, selectCustomerName, selectStatus } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';
import { requestHuman } from '../../stores/chat/chat.actions';

export function RequestHumanButton({ id }: { id: string }) {
  const status = useChatStore(selectStatus(id));
  const busy = useChatStore(selectBusy(id));
  const name = useChatStore(selectCustomerName(id));
  return (
    <button
      type="button"
      className="button"
      disabled={busy || status !== 'open'}
      aria-label={`Request a human for ${name}`}
      onClick={() => void requestHuman(id)}
    >
      Request a human
    </button>
  );
}
