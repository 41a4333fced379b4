/** The agent's reply: an Email or a Task activity on the case (Ctrl+Enter sends). */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { sendReply } from '../../stores/creatio/creatio.actions';
import { selectActing, selectActionError, selectReplyText, selectReplyType } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore, type ReplyType } from '../../stores/creatio/creatio.store';

const TYPES: [ReplyType, string][] = [['email', 'Email'], ['task', 'Task']];

export function ReplyBox() {
  const field = useId();
  const text = useCreatioStore(selectReplyText);
  const type = useCreatioStore(selectReplyType);
  const acting = useCreatioStore(selectActing);
  const error = useCreatioStore(selectActionError);
  const setText = useCreatioStore((s) => s.setReplyText);
  const setType = useCreatioStore((s) => s.setReplyType);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!acting) void sendReply();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form className="reply-box" aria-label="Reply to the customer" onSubmit={submit}>
      <fieldset className="reply-type">
        <legend>Reply as</legend>
        {TYPES.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={`${field}-type`} value={value} checked={type === value} onChange={() => setType(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={field}>Reply</label>
      <textarea id={field} rows={3} value={text} aria-keyshortcuts="Control+Enter" onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="reply-actions">
        <button type="submit" className="button primary" disabled={!!acting}>Send reply</button>
        {acting && <span role="status">{acting}…</span>}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
