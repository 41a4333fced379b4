/** The recent requests, newest first; a click puts one back in the form. */
import { selectHistory } from '../../stores/odata/odata.selectors';
import { useODataStore } from '../../stores/odata/odata.store';

export function HistoryList() {
  const history = useODataStore(selectHistory);
  const load = useODataStore((s) => s.load);
  const clear = useODataStore((s) => s.clearHistory);
  return (
    <section className="odata-card odata-history" aria-labelledby="odata-history">
      <div className="odata-card-head">
        <h2 id="odata-history">History <span className="count">({history.length})</span></h2>
        {history.length > 0 && <button type="button" className="button" onClick={clear}>Clear history</button>}
      </div>
      {history.length === 0 ? <p className="view-note">Requests you send are kept here.</p> : (
        <ol className="odata-history-list" aria-label="Recent requests">
          {history.map((request, index) => (
            <li key={`${index}-${request.method}-${request.path}`}>
              <button type="button" className="history-item" title={request.path} onClick={() => load(request)}>
                <span className={`method method-${request.method.toLowerCase()}`}>{request.method}</span> {request.path}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
