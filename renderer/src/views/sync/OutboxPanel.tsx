/**
 * The outbox: the engine's writes to Creatio that are waiting or gave up (dead letters, retried by
 * hand), and on demand the done ones. Live on outbox events.
 */
import { loadOutbox } from '../../stores/sync/outbox.actions';
import { selectItems, selectOutboxError, selectRetryError, selectShowDone } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';
import { OutboxRow } from './OutboxRow';

const DONE_SHOWN = 100;

export function OutboxPanel() {
  const items = useSyncStore(selectItems);
  const error = useSyncStore(selectOutboxError);
  const retryError = useSyncStore(selectRetryError);
  const showDone = useSyncStore(selectShowDone);
  const setShowDone = useSyncStore((s) => s.setShowDone);
  const waiting = items.filter((i) => i.state === 'pending');
  const dead = items.filter((i) => i.state === 'dead');
  const done = items.filter((i) => i.state === 'done');
  const blocking = new Map([...dead].reverse().map((i) => [i.conversationId, i.seq]));
  const isBlocked = (item: (typeof items)[number]) => item.seq > (blocking.get(item.conversationId) ?? Infinity);
  const shown = [...dead, ...waiting, ...(showDone ? done.slice(-DONE_SHOWN).reverse() : [])];
  return (
    <section className="sy-card sy-outbox" aria-labelledby="sy-outbox-title">
      <div className="sy-outbox-head">
        <h2 id="sy-outbox-title">Outbox</h2>
        <span className="sy-counts" aria-label="Outbox counts">{waiting.length} pending · {dead.length} dead · {done.length} done</span>
        <label className="sy-check"><input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} /> Show done</label>
        <button type="button" className="button" onClick={() => void loadOutbox()}>Refresh outbox</button>
      </div>
      {error && <p className="form-error" role="alert">Could not read the outbox: {error}</p>}
      {retryError && <p className="form-error" role="alert">Could not retry: {retryError}</p>}
      {shown.length === 0 ? (
        <p className="empty">Nothing waiting: every write reached Creatio.</p>
      ) : (
        <div className="table-scroll">
          <table className="sy-table" aria-labelledby="sy-outbox-title">
            <thead>
              <tr><th scope="col">Write</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Next</th><th scope="col">Last error</th><th scope="col"><span className="visually-hidden">Action</span></th></tr>
            </thead>
            <tbody>{shown.map((item) => <OutboxRow key={item.id} item={item} blocked={isBlocked(item)} />)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
