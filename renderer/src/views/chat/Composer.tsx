/** The customer types and sends (button or Ctrl+Enter); the lab's refusal is shown, the draft kept. */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { sendDraft } from '../../stores/chat/chat.actions';
import { selectBusy, selectCustomerName, selectDraft, selectError } from '../../stores/chat/chat.selectors';
import { useChatStore } from '../../stores/chat/chat.store';

export function Composer({ id }: { id: string }) {
  const field = useId();
  const draft = useChatStore(selectDraft(id));
  const busy = useChatStore(selectBusy(id));
  const error = useChatStore(selectError(id));
  const name = useChatStore(selectCustomerName(id));
  const setDraft = useChatStore((s) => s.setDraft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void sendDraft(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={field} className="visually-hidden">Message from {name}</label>
      <textarea
        id={field} rows={2} value={draft} placeholder={`${name} writes… (Ctrl+Enter sends)`}
        aria-keyshortcuts="Control+Enter" onChange={(e) => setDraft(id, e.target.value)} onKeyDown={onKeyDown}
      />
      <button type="submit" className="button primary" disabled={busy} aria-label={`Send as ${name}`}>Send</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
