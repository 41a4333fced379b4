/**
 * The integration's settings page (seed "Connect Creatio" and "Case Sync"): instance, sign-in, routing
 * defaults, the case-creation mode, AI fields, the transcript, retries; Test & Save at the foot.
 */
import type { FormEvent } from 'react';
import { selectDraft, selectLoad, selectLoadError, selectPickersError } from '../../stores/sync/sync.selectors';
import { loadPickers, testAndSave } from '../../stores/sync/sync.actions';
import { useSyncStore } from '../../stores/sync/sync.store';
import { AiFieldsEditor } from './AiFieldsEditor';
import { AuthFields } from './AuthFields';
import { RecordPicker } from './RecordPicker';
import { SaveBar } from './SaveBar';
import { SettingField } from './SettingField';

function Routing() {
  const draft = useSyncStore(selectDraft);
  const edit = useSyncStore((s) => s.edit);
  const pickersError = useSyncStore(selectPickersError);
  if (!draft) return null;
  return (
    <fieldset className="sy-group" aria-label="Cases">
      <legend>Cases</legend>
      {pickersError && <p className="form-error" role="alert">Could not list the site's records: {pickersError}</p>}
      <RecordPicker kind="owner" slot="defaultCaseOwnerId" label="Default Case Owner" entity="Contact" optional
        value={draft.defaultCaseOwnerId} onChange={(defaultCaseOwnerId) => edit(() => ({ defaultCaseOwnerId }))} />
      <RecordPicker kind="group" slot="defaultCaseGroupId" label="Default Case Group" entity="SysAdminUnit" optional
        value={draft.defaultCaseGroupId} onChange={(defaultCaseGroupId) => edit(() => ({ defaultCaseGroupId }))} />
      <RecordPicker kind="status" slot="resolvedStatusId" label="Resolved Status" entity="CaseStatus" optional
        value={draft.resolvedStatusId} onChange={(resolvedStatusId) => edit(() => ({ resolvedStatusId }))} />
      <button type="button" className="link-button sy-reload" onClick={() => void loadPickers()}>Reload the site's records</button>
      <label className="sy-check">
        <input type="checkbox" checked={draft.createCaseOnlyOnHandoff} onChange={(e) => edit(() => ({ createCaseOnlyOnHandoff: e.target.checked }))} />
        Create case only on handoff
      </label>
      <p className="sy-hint">Off: a case on every conversation, from the first customer message. On: only when the AI hands off.</p>
    </fieldset>
  );
}

function TranscriptAndRetries() {
  const draft = useSyncStore(selectDraft);
  const edit = useSyncStore((s) => s.edit);
  if (!draft) return null;
  return (
    <>
      <fieldset className="sy-group" aria-label="Transcript">
        <legend>Transcript</legend>
        <RecordPicker kind="activityType" slot="transcriptActivityTypeId" label="Transcript activity type" entity="ActivityType" optional={false}
          value={draft.transcriptActivityTypeId} onChange={(transcriptActivityTypeId) => edit(() => ({ transcriptActivityTypeId }))} />
        <SettingField slot="sessionUrlTemplate" label="Session link" value={draft.sessionUrlTemplate}
          onChange={(sessionUrlTemplate) => edit(() => ({ sessionUrlTemplate }))} hint="The first activity's &quot;View session&quot; link; {sessionId} is replaced." />
      </fieldset>
      <fieldset className="sy-group sy-numbers" aria-label="Outbox retries">
        <legend>Outbox retries</legend>
        <SettingField slot="outbox.maxAttempts" label="Max attempts" value={draft.maxAttempts} onChange={(maxAttempts) => edit(() => ({ maxAttempts }))} />
        <SettingField slot="outbox.baseDelayMs" label="First retry delay (ms)" value={draft.baseDelayMs} onChange={(baseDelayMs) => edit(() => ({ baseDelayMs }))} />
        <SettingField slot="outbox.maxDelayMs" label="Longest retry delay (ms)" value={draft.maxDelayMs} onChange={(maxDelayMs) => edit(() => ({ maxDelayMs }))} />
        <SettingField slot="requestTimeoutMs" label="Request timeout (ms)" value={draft.requestTimeoutMs} onChange={(requestTimeoutMs) => edit(() => ({ requestTimeoutMs }))} />
      </fieldset>
    </>
  );
}

export function SettingsForm() {
  const draft = useSyncStore(selectDraft);
  const load = useSyncStore(selectLoad);
  const error = useSyncStore(selectLoadError);
  const edit = useSyncStore((s) => s.edit);
  if (!draft) {
    return <div className="sy-form">{load === 'error' ? <p className="form-error" role="alert">Could not read the settings: {error}</p> : <p className="empty">Reading the settings…</p>}</div>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void testAndSave();
  };
  return (
    <form className="sy-form" aria-label="Integration settings" onSubmit={submit} noValidate>
      <div className="sy-form-scroll">
        <fieldset className="sy-group" aria-label="Creatio instance">
          <legend>Creatio instance</legend>
          <SettingField slot="instanceUrl" label="Instance URL" type="url" value={draft.instanceUrl} placeholder="https://yourcompany.creatio.com"
            onChange={(instanceUrl) => edit(() => ({ instanceUrl }))} hint="No trailing slash (the classic cause of &quot;Invalid credentials&quot;)." />
        </fieldset>
        <AuthFields />
        <Routing />
        <AiFieldsEditor />
        <TranscriptAndRetries />
      </div>
      <SaveBar />
    </form>
  );
}
