/** The request behind the open hop: the journal entry, process run or webhook request, secrets masked. */
import { selectOpenSeq, selectRequest, selectRequestError, selectRequestLoad } from '../../stores/timeline/timeline.selectors';
import { useTimelineStore } from '../../stores/timeline/timeline.store';
import { ExchangeBlock } from './ExchangeBlock';

export function RequestPanel() {
  const seq = useTimelineStore(selectOpenSeq);
  const request = useTimelineStore(selectRequest);
  const load = useTimelineStore(selectRequestLoad);
  const error = useTimelineStore(selectRequestError);
  const close = useTimelineStore((s) => s.openHop);
  return (
    <aside className="request-panel" aria-label="Request of the hop">
      {seq === null && <p className="empty">Click a hop to see its request: Creatio writes from the site's journal, process runs from the process log, webhooks from the webhook log.</p>}
      {seq !== null && load === 'loading' && <p className="empty" role="status">Reading the request…</p>}
      {seq !== null && load === 'error' && <p className="form-error" role="alert">Could not read the request: {error}</p>}
      {seq !== null && request && (
        <>
          <div className="request-head">
            <h2 className="request-title">{request.title}</h2>
            <button type="button" className="button" onClick={() => close(null)}>Close request</button>
          </div>
          <dl className="request-facts">
            {request.facts.map(([label, value]) => (
              <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
            ))}
          </dl>
          {request.request && <ExchangeBlock label="Request" exchange={request.request} />}
          {request.response && <ExchangeBlock label="Response" exchange={request.response} />}
          {request.note && <p className="view-note">{request.note}</p>}
        </>
      )}
    </aside>
  );
}
