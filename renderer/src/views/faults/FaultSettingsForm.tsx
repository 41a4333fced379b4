/** Errors (rate, status, Retry-After), cut-off replies, latency and the dice seed; a site that is down stays down. */
import { useId, useState, type FormEvent } from 'react';
import { FaultsBody } from '../../../../contract';
import { applyFaults, clearFaults } from '../../stores/faults/faults.actions';
import { selectActing } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

const STATUSES = ['500', '502', '503', '429'] as const;

export function FaultSettingsForm() {
  const id = useId();
  const [errorRate, setErrorRate] = useState('0');
  const [errorStatus, setErrorStatus] = useState<(typeof STATUSES)[number]>('503');
  const [retryAfter, setRetryAfter] = useState('1');
  const [cutOffRate, setCutOffRate] = useState('0');
  const [latency, setLatency] = useState('0');
  const [seed, setSeed] = useState('1');
  const [error, setError] = useState<string | undefined>();
  const acting = useFaultsStore(selectActing);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = FaultsBody.safeParse({
      errorRate: Number(errorRate) / 100, errorStatus: Number(errorStatus), cutOffRate: Number(cutOffRate) / 100,
      latencyMs: Number(latency), seed: Number(seed), ...(retryAfter.trim() ? { retryAfterSeconds: Number(retryAfter) } : {}),
    });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    setError(undefined);
    void applyFaults(parsed.data);
  };

  const field = (name: string, label: string, value: string, set: (v: string) => void, props: { min: number; max: number; step?: number }) => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type="number" value={value} onChange={(e) => set(e.target.value)} {...props} />
    </>
  );

  return (
    <form className="faults-card" aria-label="Errors and delays" noValidate onSubmit={submit}>
      <h2>Errors and delays</h2>
      <div className="faults-grid">
        {field('error-rate', 'Error rate (%)', errorRate, setErrorRate, { min: 0, max: 100 })}
        <label htmlFor={`${id}-status`}>Error status</label>
        <select id={`${id}-status`} value={errorStatus} onChange={(e) => setErrorStatus(STATUSES.find((s) => s === e.target.value) ?? '500')}>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        {field('retry-after', 'Retry-After (s, 503/429)', retryAfter, setRetryAfter, { min: 0, max: 3600 })}
        {field('cut-off', 'Cut-off rate (%)', cutOffRate, setCutOffRate, { min: 0, max: 100 })}
        {field('latency', 'Latency (ms)', latency, setLatency, { min: 0, max: 120000, step: 50 })}
        {field('seed', 'Seed', seed, setSeed, { min: -2147483648, max: 2147483647 })}
      </div>
      <div className="faults-row">
        <button type="submit" className="button primary" disabled={!!acting}>Apply faults</button>
        <button type="button" className="button" disabled={!!acting} onClick={() => void clearFaults()}>Clear all faults</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
