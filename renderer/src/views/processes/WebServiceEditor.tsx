/** The "Call web service" element: URL (the engine's webhook URL in one click, its token masked), method, content type, headers, body. */
import { useId } from 'react';
import type { Method } from '../../stores/processes/draft';
import { insertEngineWebhookUrl } from '../../stores/processes/preview.actions';
import { selectDraft } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { BodyTemplateField } from './BodyTemplateField';
import { HeadersEditor } from './HeadersEditor';
import { IssueList } from './IssueList';

const METHODS: Method[] = ['POST', 'PUT', 'PATCH', 'GET'];

export function WebServiceEditor() {
  const draft = useProcessesStore(selectDraft)!;
  const edit = useProcessesStore((s) => s.edit);
  const ids = { url: useId(), method: useId(), type: useId() };
  return (
    <fieldset className="editor-section">
      <legend>Call web service</legend>
      <div className="field-row url-row">
        <label htmlFor={ids.url}>URL</label>
        <input id={ids.url} value={draft.url} spellCheck={false} placeholder="https://helpdesk.example.com/backend/creatio/webhook/…"
          onChange={(e) => edit(() => ({ url: e.target.value }))} />
        <button type="button" className="button small" onClick={() => void insertEngineWebhookUrl()}>Use the engine's webhook URL</button>
      </div>
      {draft.secretUrl && draft.url.includes('***') && <p className="hint">The webhook token is kept but shown as ***.</p>}
      <div className="field-row">
        <label htmlFor={ids.method}>Method</label>
        <select id={ids.method} value={draft.method} onChange={(e) => edit(() => ({ method: e.target.value as Method }))}>
          {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
        <label htmlFor={ids.type}>Content type</label>
        <input id={ids.type} value={draft.contentType} spellCheck={false} onChange={(e) => edit(() => ({ contentType: e.target.value }))} />
      </div>
      <HeadersEditor />
      <BodyTemplateField />
      <IssueList prefix="callWebService" label="Checks of the web service call" />
    </fieldset>
  );
}
