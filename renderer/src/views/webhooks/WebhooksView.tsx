/**
 * Webhooks: the engine's webhook log (every request Creatio's processes, or you, sent to the receiver)
 * beside the open request, with replay, edit-and-replay and copy as curl. Updates live.
 */
import { useEffect } from 'react';
import { editAndReplay } from '../../stores/webhooks/webhooks.actions';
import { startWebhooksSync } from '../../stores/webhooks/webhooks.events';
import { selectSelectedEntry } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';
import '../../styles/webhooks.css';
import { AnswerBox } from './AnswerBox';
import { ReplayEditor } from './ReplayEditor';
import { useWebhookKeys } from './use-webhook-keys';
import { WebhookDetail } from './WebhookDetail';
import { WebhookLogTable } from './WebhookLogTable';

export function WebhooksView() {
  const entry = useWebhooksStore(selectSelectedEntry);
  useEffect(() => startWebhooksSync(), []);
  useWebhookKeys();
  return (
    <section className="view webhooks-view" aria-labelledby="webhooks-title">
      <header className="view-header">
        <h1 id="webhooks-title">Webhooks</h1>
        <p className="view-note">Requests to the engine's webhook receiver, the token never shown. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>r</kbd> replay, <kbd>e</kbd> edit.</p>
        <button type="button" className="button" onClick={() => editAndReplay(null)}>New request</button>
      </header>
      <div className="wh-columns">
        <WebhookLogTable />
        <div className="wh-side">
          <AnswerBox />
          <ReplayEditor />
          {entry ? <WebhookDetail entry={entry} /> : <p className="wh-placeholder">Choose a request in the log to see it, replay it or copy it as curl.</p>}
        </div>
      </div>
    </section>
  );
}
