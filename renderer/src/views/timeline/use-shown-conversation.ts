/** The conversation the Timeline draws: the one chosen, else the newest one. */
import { useChatStore } from '../../stores/chat/chat.store';
import { selectChosenConversation } from '../../stores/timeline/timeline.selectors';
import { useTimelineStore } from '../../stores/timeline/timeline.store';

export function useShownConversation(): { id: string; caseId: string | null } | null {
  const chosen = useTimelineStore(selectChosenConversation);
  const id = useChatStore((s) => (chosen && s.byId[chosen] ? chosen : s.order.at(-1) ?? null));
  const caseId = useChatStore((s) => (id ? s.byId[id]?.caseId ?? null : null));
  return id ? { id, caseId } : null;
}
