/** "site down — 3 writes waiting" → "recovered — all synced": the lab's recovery in one line. */
import { selectRecoveryPhase, selectRecoveryText } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

export function RecoveryLine() {
  const text = useFaultsStore(selectRecoveryText);
  const phase = useFaultsStore(selectRecoveryPhase);
  return (
    <p className={`recovery recovery-${phase}`} role="status" aria-label="Recovery">
      <span className="dot" aria-hidden="true" /> {text}
    </p>
  );
}
