/** The editor of one process: its name, the signal, the "Call web service" element, Save and Delete (Ctrl+S saves). */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { deleteProcess, saveDraft } from '../../stores/processes/processes.actions';
import { selectActing, selectActionError, selectDirty, selectDraft } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { ChecksSummary } from './IssueList';
import { SignalEditor } from './SignalEditor';
import { WebServiceEditor } from './WebServiceEditor';

export function ProcessEditor() {
  const draft = useProcessesStore(selectDraft);
  const dirty = useProcessesStore(selectDirty);
  const acting = useProcessesStore(selectActing);
  const error = useProcessesStore(selectActionError);
  const edit = useProcessesStore((s) => s.edit);
  const nameId = useId();
  const [confirming, setConfirming] = useState(false);

  if (!draft) {
    return <div className="process-editor empty">Open a process, or start a new one.</div>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!acting) void saveDraft();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 's' && (event.ctrlKey || event.metaKey)) submit(event);
  };
  return (
    <form className="process-editor" aria-label="Process editor" onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="editor-head">
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} value={draft.name} onChange={(e) => edit(() => ({ name: e.target.value }))} />
        <button type="submit" className="button primary" disabled={!!acting} aria-keyshortcuts="Control+S">
          {draft.id ? 'Save' : 'Save new process'}
        </button>
        {draft.id && !confirming && <button type="button" className="button" onClick={() => setConfirming(true)}>Delete</button>}
        {draft.id && confirming && (
          <span className="confirm" role="group" aria-label="Confirm deletion">
            <button type="button" className="button danger" onClick={() => void deleteProcess(draft.id!).then(() => setConfirming(false))}>Yes, delete</button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>Keep</button>
          </span>
        )}
      </div>
      <p className="editor-state" role="status">
        {acting ? `${acting}…` : dirty ? (draft.id ? 'Unsaved changes' : 'Not saved yet') : 'Saved'}
        {!draft.active && ' · disabled: it does not run on commits'}
      </p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <ChecksSummary />
      <SignalEditor />
      <WebServiceEditor />
    </form>
  );
}
