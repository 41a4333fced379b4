/** One request of the log: the request (token masked), its validation, what was done, the answer; replay and curl. */
import type { WebhookLogEntry } from '../../../../contract';
import { useAppStore } from '../../stores/app/app.store';
import { isTruncated, pretty, validationOf, whatWasDone } from '../../stores/webhooks/entry-view';
import { editAndReplay, replay } from '../../stores/webhooks/webhooks.actions';
import { selectSending } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';
import { CurlBox } from './CurlBox';
import { clockTime, statusTone } from './webhook-format';

function Validation({ entry }: { entry: WebhookLogEntry }) {
  const v = validationOf(entry);
  return (
    <section className="wh-section" aria-label="Validation">
      <h3>Validation</h3>
      <p>
        <span className={`badge tone-${statusTone(entry.status)}`}>{entry.status}</span>{' '}
        {v.ok ? 'Valid request' : <><strong>{v.code}</strong>{v.message ? `: ${v.message}` : ''}</>}
      </p>
      {v.problems.length > 0 && (
        <ul className="wh-problems" aria-label="Problems">
          {v.problems.map((p) => <li key={p.field}><code>{p.field}</code>: {p.problem}</li>)}
        </ul>
      )}
    </section>
  );
}

function Request({ entry }: { entry: WebhookLogEntry }) {
  const webhook = useAppStore((s) => s.info?.urls.webhook) ?? '…/backend/creatio/webhook/***';
  const headers = Object.entries(entry.headers ?? {});
  return (
    <section className="wh-section" aria-label="Request">
      <h3>Request</h3>
      <p><code>POST {webhook}</code> <span className={`badge tone-${entry.token === 'valid' ? 'ok' : 'bad'}`}>{entry.token} token</span></p>
      {headers.length > 0 && (
        <dl className="wh-headers" aria-label="Request headers">
          {headers.map(([name, value]) => <div key={name}><dt>{name}</dt><dd>{value}</dd></div>)}
        </dl>
      )}
      <pre className="wh-pre" aria-label="Request body">{pretty(entry.body)}</pre>
      <p className="view-note">
        {entry.size} bytes{entry.contentType ? `, ${entry.contentType}` : ', no Content-Type'}
        {isTruncated(entry) && ' · the log keeps the first 512 characters: replay is off, edit-and-replay sends the excerpt'}
      </p>
    </section>
  );
}

export function WebhookDetail({ entry }: { entry: WebhookLogEntry }) {
  const sending = useWebhooksStore(selectSending);
  return (
    <section className="wh-detail" aria-label={`Webhook #${entry.seq}`}>
      <header className="wh-detail-head">
        <h2>Webhook #{entry.seq} <span className="count">at {clockTime(entry.at)}</span></h2>
        <div className="wh-actions">
          <button type="button" className="button primary" disabled={!!sending || isTruncated(entry)} aria-keyshortcuts="r" onClick={() => void replay(entry)}>
            Replay
          </button>
          <button type="button" className="button" aria-keyshortcuts="e" onClick={() => editAndReplay(entry)}>Edit and replay</button>
        </div>
      </header>
      <Request entry={entry} />
      <Validation entry={entry} />
      <section className="wh-section" aria-label="What was done">
        <h3>What was done</h3>
        <p>{whatWasDone(entry)}</p>
        {entry.conversationId && <p className="view-note">Conversation <code>{entry.conversationId}</code></p>}
      </section>
      <section className="wh-section" aria-label="Response">
        <h3>Response <span className="count">{entry.durationMs === undefined ? '' : `in ${entry.durationMs} ms`}</span></h3>
        <pre className="wh-pre" aria-label="Response body">{entry.status} {pretty(entry.response)}</pre>
      </section>
      <CurlBox request={{ body: entry.body, contentType: entry.contentType }} />
    </section>
  );
}
