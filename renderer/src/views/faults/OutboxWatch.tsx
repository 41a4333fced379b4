/** The engine's outbox while the lab recovers: the writes waiting, their attempts and last error, dead letters. */
import { selectDeadCount, selectOutboxError, selectPending, selectRetries } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

const KIND_LABEL: Record<string, string> = {
  'case.create': 'Create case', 'activity.log': 'Log activity', 'case.update': 'Update case', 'case.ai-fields': 'AI fields', 'case.resolve': 'Resolve case',
};

export function OutboxWatch() {
  const pending = useFaultsStore(selectPending);
  const dead = useFaultsStore(selectDeadCount);
  const retries = useFaultsStore(selectRetries);
  const error = useFaultsStore(selectOutboxError);
  return (
    <section className="faults-card outbox-watch" aria-label="Outbox">
      <h2>Outbox</h2>
      <dl className="faults-counters">
        <div><dt>Writes waiting</dt><dd aria-label="Writes waiting">{pending.length}</dd></div>
        <div><dt>Attempts so far</dt><dd aria-label="Attempts so far">{retries}</dd></div>
        <div><dt>Dead letters</dt><dd aria-label="Dead letters">{dead}</dd></div>
      </dl>
      {error && <p className="form-error" role="alert">{error}</p>}
      {pending.length > 0 && (
        <div className="table-scroll">
          <table className="outbox-table" aria-label="Writes waiting">
            <thead><tr><th scope="col">Write</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Next try</th></tr></thead>
            <tbody>
              {pending.map((item) => (
                <tr key={item.id}>
                  <td>{KIND_LABEL[item.kind] ?? item.kind}</td>
                  <td>{item.attempts}</td>
                  <td>{item.lastError ? item.lastError.code : '—'}</td>
                  <td>{item.nextAttemptAt > 0 ? new Date(item.nextAttemptAt).toLocaleTimeString() : 'now'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
