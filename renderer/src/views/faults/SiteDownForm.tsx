/** Takes the site down for N seconds (connections reset, or 503 with Retry-After), or brings it back. */
import { useId, useState, type FormEvent } from 'react';
import { bringSiteBack, takeSiteDown } from '../../stores/faults/faults.actions';
import { selectActing, selectIsDown } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

export function SiteDownForm() {
  const id = useId();
  const [seconds, setSeconds] = useState('30');
  const [mode, setMode] = useState<'reset' | '503'>('reset');
  const [error, setError] = useState<string | undefined>();
  const down = useFaultsStore(selectIsDown);
  const acting = useFaultsStore(selectActing);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(seconds);
    if (!Number.isInteger(value) || value < 1 || value > 3_600) return setError('Seconds: a whole number from 1 to 3600');
    setError(undefined);
    void takeSiteDown(value, mode);
  };

  return (
    <form className="faults-card" aria-label="Take the site down" noValidate onSubmit={submit}>
      <h2>Site down</h2>
      <div className="faults-row">
        <label htmlFor={`${id}-seconds`}>Down for (seconds)</label>
        <input id={`${id}-seconds`} type="number" min={1} max={3600} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        <label htmlFor={`${id}-mode`}>How</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value === '503' ? '503' : 'reset')}>
          <option value="reset">Connections reset</option>
          <option value="503">503 with Retry-After</option>
        </select>
      </div>
      <div className="faults-row">
        <button type="submit" className="button primary" disabled={!!acting}>Take the site down</button>
        <button type="button" className="button" disabled={!!acting || !down} onClick={() => void bringSiteBack()}>Bring the site back</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
