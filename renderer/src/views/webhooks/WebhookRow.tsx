/** One request of the webhook log; its number opens it in the detail pane. */
import { memo } from 'react';
import type { WebhookLogEntry } from '../../../../contract';
import { doneInShort, eventTypeOf, validationOf, whatWasDone } from '../../stores/webhooks/entry-view';
import { selectIsSelected } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';
import { clockTime, shortId, statusTone } from './webhook-format';

export const WebhookRow = memo(function WebhookRow({ entry }: { entry: WebhookLogEntry }) {
  const selected = useWebhooksStore(selectIsSelected(entry.seq));
  const select = useWebhooksStore((s) => s.select);
  const validation = validationOf(entry);
  return (
    <tr className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined}>
      <td>
        <button type="button" className="link-button" aria-label={`Open webhook #${entry.seq}`} onClick={() => select(entry.seq)}>
          #{entry.seq}
        </button>
      </td>
      <td><time dateTime={entry.at}>{clockTime(entry.at)}</time></td>
      <td>{eventTypeOf(entry) ?? '—'}</td>
      <td title={entry.caseId}>{shortId(entry.caseId)}</td>
      <td>
        <span className={`badge tone-${statusTone(entry.status)}`}>{entry.status}</span>
        {entry.durationMs !== undefined && <span className="wh-ms"> {entry.durationMs} ms</span>}
        {validation.code && <div className="wh-code">{validation.code}</div>}
      </td>
      <td className="wh-done" title={whatWasDone(entry)}>{doneInShort(entry)}</td>
    </tr>
  );
});
