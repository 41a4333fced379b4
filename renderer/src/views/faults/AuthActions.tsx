/** Sessions and tokens: end every forms session, or revoke every OAuth token, and see the engine sign in again. */
import { expireSessions, revokeTokens } from '../../stores/faults/faults.actions';
import { selectActing } from '../../stores/faults/faults.selectors';
import { useFaultsStore } from '../../stores/faults/faults.store';

export function AuthActions() {
  const acting = useFaultsStore(selectActing);
  return (
    <div className="faults-card" role="group" aria-label="Sessions and tokens">
      <h2>Sessions and tokens</h2>
      <div className="faults-row">
        <button type="button" className="button" disabled={!!acting} onClick={() => void expireSessions()}>Expire sessions</button>
        <button type="button" className="button" disabled={!!acting} onClick={() => void revokeTokens()}>Revoke tokens</button>
      </div>
    </div>
  );
}
