/**
 * Faults: take the simulated site down, add errors, cut-offs and latency, expire sessions or revoke
 * tokens, and watch the lab recover: the engine's outbox waits and retries, then syncs.
 */
import { useEffect } from 'react';
import { watchFaults } from '../../stores/faults/faults.actions';
import { selectActing, selectNotice } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';
import '../../styles/faults.css';
import { AuthActions } from './AuthActions';
import { CurrentFaults } from './CurrentFaults';
import { FaultSettingsForm } from './FaultSettingsForm';
import { OutboxWatch } from './OutboxWatch';
import { RecoveryLine } from './RecoveryLine';
import { SiteDownForm } from './SiteDownForm';

export function FaultsView() {
  const acting = useFaultsStore(selectActing);
  const notice = useFaultsStore(selectNotice);
  useEffect(() => watchFaults(), []);
  return (
    <section className="view faults-view" aria-labelledby="faults-title">
      <header className="view-header">
        <h1 id="faults-title">Faults</h1>
        <RecoveryLine />
        {acting && <span role="status">{acting}…</span>}
        {!acting && notice && <p className={notice.error ? 'form-error' : 'view-note'} role={notice.error ? 'alert' : 'status'}>{notice.text}</p>}
      </header>
      <div className="faults-columns">
        <div className="faults-controls">
          <SiteDownForm />
          <FaultSettingsForm />
          <AuthActions />
        </div>
        <div className="faults-state">
          <CurrentFaults />
          <OutboxWatch />
        </div>
      </div>
    </section>
  );
}
