/**
 * "Copy as curl": the command on screen has `$WEBHOOK_TOKEN` where the token goes; "Copy as curl"
 * copies exactly that, "Copy with token" copies it with the real URL (read for the clipboard only).
 */
import { useAppStore } from '../../stores/app/app.store';
import { curlCommand, webhookBase } from '../../stores/webhooks/curl';
import { copyCurl } from '../../stores/webhooks/webhooks.actions';
import { selectNotice } from '../../stores/webhooks/webhooks.selectors';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';

export function CurlBox({ request }: { request: { body: string; contentType?: string | undefined } }) {
  const webhook = useAppStore((s) => s.info?.urls.webhook);
  const notice = useWebhooksStore(selectNotice);
  if (!webhook) return null;
  const command = curlCommand({ base: webhookBase(webhook), body: request.body, ...(request.contentType ? { contentType: request.contentType } : {}) });
  return (
    <div className="wh-curl">
      <div className="wh-curl-tools">
        <h3 id="curl-title">As curl</h3>
        <button type="button" className="button" onClick={() => void copyCurl(request, { withToken: false })}>Copy as curl</button>
        <button type="button" className="button" onClick={() => void copyCurl(request, { withToken: true })}
          title="The clipboard gets the real webhook URL with its secret token; the screen never shows it">
          Copy with token
        </button>
      </div>
      <pre className="wh-pre" aria-labelledby="curl-title">{command}</pre>
      <p className="view-note">Set <code>WEBHOOK_TOKEN</code> first, or use "Copy with token" (the clipboard then holds the secret).</p>
      {notice && <p role="status" className="wh-notice">{notice}</p>}
    </div>
  );
}
