/** One write to Creatio in the outbox: what, its state, attempts, the next attempt, the last error; Retry for a dead letter. */
import { memo } from 'react';
import type { OutboxItem } from '../../../../contract';
import { retryDeadLetter } from '../../stores/sync/outbox.actions';
import { selectIsRetrying } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';

const STATE_LABEL = { pending: 'Pending', done: 'Done', dead: 'Dead letter' } as const;

function nextAttempt(item: OutboxItem, blocked: boolean): string {
  if (item.state !== 'pending') return '—';
  // A dead letter keeps blocking the later writes of its conversation (docs/engine.md "Nothing lost").
  if (blocked) return 'blocked';
  if (item.nextAttemptAt <= Date.now()) return 'now';
  return new Date(item.nextAttemptAt).toLocaleTimeString(undefined, { hour12: false });
}

export const OutboxRow = memo(function OutboxRow({ item, blocked }: { item: OutboxItem; blocked: boolean }) {
  const retrying = useSyncStore(selectIsRetrying(item.id));
  return (
    <tr className={`sy-state-${item.state}`}>
      <td><code>{item.kind}</code><div className="sy-sub" title={item.conversationId}>#{item.seq} · {item.conversationId.slice(0, 8)}…</div></td>
      <td><span className="badge">{STATE_LABEL[item.state]}</span></td>
      <td>{item.attempts}</td>
      <td title={blocked ? 'Behind a dead letter of the same conversation' : undefined}>{nextAttempt(item, blocked)}</td>
      <td className="sy-error">{item.lastError ? `${item.lastError.code}: ${item.lastError.message}` : '—'}</td>
      <td>
        {item.state === 'dead' && (
          <button type="button" className="button" disabled={retrying} aria-label={`Retry ${item.kind} #${item.seq}`} onClick={() => void retryDeadLetter(item.id)}>
            Retry
          </button>
        )}
      </td>
    </tr>
  );
});
