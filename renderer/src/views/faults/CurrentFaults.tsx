/** The faults in force, whether the site is down now, and the site's counters. */
import { describeFaults } from '../../stores/faults/faults.recovery';
import { selectStatus, selectStatusError } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

export function CurrentFaults() {
  const status = useFaultsStore(selectStatus);
  const error = useFaultsStore(selectStatusError);
  if (!status) return <div className="faults-card">{error ? <p className="form-error" role="alert">{error}</p> : <p className="empty">Reading the faults…</p>}</div>;
  const lines = describeFaults(status, Date.now());
  const counters: [string, number][] = [
    ['Dropped', status.counters.dropped], ['Errors', status.counters.errors], ['Cut off', status.counters.cutOff], ['Delayed', status.counters.delayed],
  ];
  return (
    <section className="faults-card" aria-label="Faults now">
      <h2>
        Now: <span className={`badge ${status.down ? 'site-down' : 'site-up'}`} aria-label={status.down ? 'Site is down' : 'Site is up'}>{status.down ? 'Site down' : 'Site up'}</span>
      </h2>
      {lines.length === 0 ? <p className="view-note">No fault in force.</p> : (
        <ul className="faults-list">{lines.map((line) => <li key={line}>{line}</li>)}</ul>
      )}
      <dl className="faults-counters" aria-label="Counters">
        {counters.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
      </dl>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
