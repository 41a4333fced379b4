/** The engine's webhook log, newest first, updating live. */
import { loadLog } from '../../stores/webhooks/webhooks.actions';
import { selectEntries, selectLoad, selectLoadError } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';
import { WebhookRow } from './WebhookRow';

export function WebhookLogTable() {
  const entries = useWebhooksStore(selectEntries);
  const load = useWebhooksStore(selectLoad);
  const error = useWebhooksStore(selectLoadError);
  const newestFirst = [...entries].reverse();
  return (
    <div className="wh-log">
      <div className="wh-log-tools">
        <h2 id="webhook-log-title">Webhook log <span className="count">({entries.length})</span></h2>
        <button type="button" className="button" onClick={() => void loadLog()}>Refresh log</button>
      </div>
      {error && <p className="form-error" role="alert">Could not read the webhook log: {error}</p>}
      {load === 'ready' && entries.length === 0 && (
        <p className="empty">No webhook yet. An agent reply or a case closure in the Creatio desk makes the site's processes call the engine; or send one with "New request".</p>
      )}
      <div className="table-scroll">
        <table className="wh-table" aria-labelledby="webhook-log-title">
          <thead>
            <tr>
              <th scope="col">#</th><th scope="col">Time</th><th scope="col">event_type</th><th scope="col">Case</th>
              <th scope="col">Status, time taken</th><th scope="col">What was done</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((entry) => <WebhookRow key={entry.seq} entry={entry} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
