/**
 * The live preview: the exact request the draft would send for the chosen record (secrets as ***),
 * whether the filter passes that record, and the test button that runs the saved process on it.
 */
import { useId } from 'react';
import { fireProcess } from '../../stores/processes/processes.actions';
import {
  selectActing, selectDirty, selectDraft, selectPreview, selectPreviewError, selectRecordId, selectRecords,
} from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { RequestView } from './RequestView';

export function PreviewPanel() {
  const draft = useProcessesStore(selectDraft)!;
  const dirty = useProcessesStore(selectDirty);
  const acting = useProcessesStore(selectActing);
  const records = useProcessesStore(selectRecords);
  const recordId = useProcessesStore(selectRecordId);
  const preview = useProcessesStore(selectPreview);
  const error = useProcessesStore(selectPreviewError);
  const choose = useProcessesStore((s) => s.chooseRecord);
  const recordField = useId();
  const request = preview?.record ? preview.request : undefined;
  const canFire = !!draft.id && !dirty && !!recordId && !acting;
  return (
    <section className="preview-panel" aria-labelledby="preview-title">
      <h2 id="preview-title">Request preview</h2>
      <div className="field-row">
        <label htmlFor={recordField}>{draft.entity} record</label>
        <select id={recordField} value={recordId ?? ''} onChange={(e) => choose(e.target.value || null)}>
          {records.length === 0 && <option value="">No {draft.entity} records</option>}
          {records.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
        </select>
      </div>
      {error && <p className="form-error" role="alert">Could not render the preview: {error}</p>}
      {preview?.record && (
        <p className={preview.filterMatches ? 'filter-pass' : 'filter-fail'}>
          {preview.filterMatches ? 'The filter passes this record.' : 'The filter does not pass this record: a real event on it would not fire the process.'}
        </p>
      )}
      {preview?.error && <p className="form-error">Nothing would be sent: {preview.error}</p>}
      {request && <RequestView label="Previewed request" line={`${request.method} ${request.url}`} headers={request.headers} body={request.body} />}
      {preview && Object.keys(preview.parameters).length > 0 && (
        <dl className="parameters" aria-label="Parameters">
          {Object.entries(preview.parameters).map(([ref, value]) => (
            <div key={ref}><dt><code>[#{ref}#]</code></dt> <dd>{value}</dd></div>
          ))}
        </dl>
      )}
      <div className="fire-row">
        <button type="button" className="button primary" disabled={!canFire} onClick={() => void fireProcess()}>Test-fire on this record</button>
        {!draft.id ? <span className="hint">Save the process first.</span> : dirty ? <span className="hint">Save the changes first: the test runs the saved process.</span> : null}
      </div>
    </section>
  );
}
