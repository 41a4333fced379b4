/**
 * The sequence diagram: one column per lane, one row per hop, the arrow drawn from the lane the hop
 * came from to the lane it reached. Newest at the bottom; it follows new hops while scrolled to the end.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { buildHops, conversationEvents, LANE_LABEL, LANES } from '../../stores/timeline/timeline.hops';
import { selectEvents, selectHistory, selectHistoryError, selectHistoryLoad } from '../../stores/timeline/timeline.selectors';
import { useTimelineStore } from '../../stores/timeline/timeline.store';
import { HopRow } from './HopRow';

export function SequenceDiagram({ conversationId, caseId }: { conversationId: string; caseId: string | null }) {
  const events = useTimelineStore(selectEvents);
  const history = useTimelineStore(selectHistory);
  const historyLoad = useTimelineStore(selectHistoryLoad);
  const historyError = useTimelineStore(selectHistoryError);
  const hops = useMemo(
    () => buildHops(conversationEvents([...history, ...events], conversationId, caseId)),
    [history, events, conversationId, caseId],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atEnd.current) element.scrollTop = element.scrollHeight;
  }, [hops.length]);

  return (
    <div className="sequence" ref={scroller}>
      <div className="sequence-grid sequence-head" aria-hidden="true">
        <span className="sequence-time">Time</span>
        {LANES.map((lane) => <span key={lane} className="sequence-lane">{LANE_LABEL[lane]}</span>)}
      </div>
      {historyLoad === 'error' && <p className="form-error" role="alert">Could not read the older events: {historyError}</p>}
      {hops.length === 0 ? (
        <p className="empty">No hop yet for this conversation.</p>
      ) : (
        <ol className="hops" aria-label={`Hops of the conversation (${hops.length})`}>
          {hops.map((hop) => <HopRow key={hop.seq} hop={hop} />)}
        </ol>
      )}
    </div>
  );
}
