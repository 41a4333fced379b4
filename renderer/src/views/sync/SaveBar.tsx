/**
 * The foot of the settings form: Test & Save (test first; nothing is saved when the test finds a
 * problem), Save without testing (to rehearse a misconfiguration on purpose), Discard, and the outcome
 * with any problem no field shows.
 */
import { FIELD_LABELS, problemSlot } from '../../stores/sync/settings-draft';
import { discardEdits, testAndSave } from '../../stores/sync/sync.actions';
import { selectAuthKind, selectDirty, selectOutcome, selectPhase, selectProblems } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';

/** Fields the form shows a problem beside; anything else is listed in the bar. */
const SHOWN = /^(instanceUrl|auth\.(clientId|clientSecret|tokenUrl|userName|password)|defaultCaseOwnerId|defaultCaseGroupId|resolvedStatusId|aiFields(\.\d+)?|transcriptActivityTypeId|sessionUrlTemplate|requestTimeoutMs|outbox\.(maxAttempts|baseDelayMs|maxDelayMs))$/;

export function SaveBar() {
  const phase = useSyncStore(selectPhase);
  const outcome = useSyncStore(selectOutcome);
  const problems = useSyncStore(selectProblems);
  const dirty = useSyncStore(selectDirty);
  const kind = useSyncStore(selectAuthKind);
  const others = problems.filter((p) => !SHOWN.test(problemSlot(p.field, kind)));
  const busy = phase !== 'idle';
  return (
    <div className="sy-savebar">
      <div className="sy-buttons">
        <button type="submit" className="button primary" disabled={busy}>Test &amp; Save</button>
        <button type="button" className="button" disabled={busy} onClick={() => void testAndSave({ skipTest: true })}>Save without testing</button>
        <button type="button" className="button" disabled={busy || !dirty} onClick={discardEdits}>Discard changes</button>
        {busy && <span role="status">{phase === 'testing' ? 'Testing the connection…' : 'Saving…'}</span>}
        {!busy && dirty && !outcome && <span className="sy-hint">Unsaved changes</span>}
      </div>
      {outcome && (
        <p role={outcome.saved ? 'status' : 'alert'} className={outcome.saved ? 'sy-saved' : 'sy-not-saved'}>
          {outcome.message}{!outcome.saved && problems.length > 0 ? ` (${problems.length === 1 ? '1 problem' : `${problems.length} problems`})` : ''}
        </p>
      )}
      {others.length > 0 && (
        <ul className="sy-other-problems" aria-label="Other problems">
          {others.map((p) => <li key={p.field}>{FIELD_LABELS[p.field] ?? p.field}: {p.problem}</li>)}
        </ul>
      )}
    </div>
  );
}
