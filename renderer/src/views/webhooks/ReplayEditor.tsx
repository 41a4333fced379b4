/** Edit-and-replay: the body, the content type and which token (valid or wrong), then send; the answer below. */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { sendDraft } from '../../stores/webhooks/webhooks.actions';
import { selectDraft, selectSendError, selectSending } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore, type TokenChoice } from '../../stores/webhooks/webhooks.store';
import { CurlBox } from './CurlBox';

const TOKENS: [TokenChoice, string][] = [['valid', 'Valid token'], ['wrong', 'Wrong token']];

export function ReplayEditor() {
  const id = useId();
  const draft = useWebhooksStore(selectDraft);
  const sending = useWebhooksStore(selectSending);
  const error = useWebhooksStore(selectSendError);
  const edit = useWebhooksStore((s) => s.editDraft);
  const close = useWebhooksStore((s) => s.closeEditor);
  if (!draft) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sending) void sendDraft();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };
  return (
    <form className="wh-editor" aria-label="Edit and replay" onSubmit={submit}>
      <div className="wh-detail-head">
        <h2>Edit and replay</h2>
        <button type="button" className="button" onClick={close}>Close editor</button>
      </div>
      <label htmlFor={`${id}-body`}>Body</label>
      <textarea id={`${id}-body`} rows={6} className="wh-mono" value={draft.body} spellCheck={false} aria-keyshortcuts="Control+Enter"
        onChange={(e) => edit({ body: e.target.value })} onKeyDown={onKeyDown} />
      <div className="wh-editor-row">
        <label htmlFor={`${id}-type`}>Content type</label>
        <input id={`${id}-type`} value={draft.contentType} onChange={(e) => edit({ contentType: e.target.value })} />
        <fieldset className="wh-token">
          <legend>Token</legend>
          {TOKENS.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={`${id}-token`} value={value} checked={draft.token === value} onChange={() => edit({ token: value })} /> {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary" disabled={!!sending}>Send request</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <CurlBox request={{ body: draft.body, contentType: draft.contentType.trim() || undefined }} />
    </form>
  );
}
