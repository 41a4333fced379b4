/** The receiver's answer to the last replay or edited request, and the log entry it made. */
import { pretty } from '../../stores/webhooks/entry-view';
import { selectAnswer, selectSending } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';
import { statusTone } from './webhook-format';

export function AnswerBox() {
  const answer = useWebhooksStore(selectAnswer);
  const sending = useWebhooksStore(selectSending);
  const select = useWebhooksStore((s) => s.select);
  if (sending) return <p role="status" className="wh-answer">{sending}…</p>;
  if (!answer) return null;
  return (
    <section className="wh-answer" aria-label="Answer">
      <h3>
        {answer.label}: answered <span className={`badge tone-${statusTone(answer.status)}`}>{answer.status}</span>
        {answer.seq !== undefined && (
          <> · logged as <button type="button" className="link-button" onClick={() => select(answer.seq ?? null)}>#{answer.seq}</button></>
        )}
      </h3>
      <pre className="wh-pre" aria-label="Answer body">{pretty(answer.body)}</pre>
    </section>
  );
}
