/**
 * The webhook URL for Creatio's "Call web service" (seed "Get your webhook URL"): shown with its token
 * masked; Copy puts the real URL on the clipboard; Rotate token asks first, since every process that
 * calls the old URL must change (the lab re-points the site's own processes).
 */
import { copyWebhookUrl, rotateWebhookToken } from '../../stores/sync/webhook-url.actions';
import { selectConfirmingRotate, selectMaskedUrl, selectRotating, selectWebhookNotice } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';

export function WebhookUrlCard() {
  const url = useSyncStore(selectMaskedUrl);
  const confirming = useSyncStore(selectConfirmingRotate);
  const rotating = useSyncStore(selectRotating);
  const notice = useSyncStore(selectWebhookNotice);
  const setConfirming = useSyncStore((s) => s.setConfirmingRotate);
  return (
    <section className="sy-card" aria-labelledby="sy-webhook-title">
      <h2 id="sy-webhook-title">Webhook URL</h2>
      <p className="sy-hint">Paste it into both business processes in Creatio. It holds a secret token: the screen shows it as ***.</p>
      <div className="sy-url-row">
        <code className="sy-url" aria-label="Webhook URL (token masked)">{url ?? '…'}</code>
        <button type="button" className="button" onClick={() => void copyWebhookUrl()}>Copy webhook URL</button>
        <button type="button" className="button" disabled={rotating || confirming} onClick={() => setConfirming(true)}>Rotate token…</button>
      </div>
      {confirming && (
        <div className="sy-confirm" role="alertdialog" aria-labelledby="sy-rotate-q" aria-describedby="sy-rotate-why">
          <p id="sy-rotate-q"><strong>Rotate the webhook token?</strong></p>
          <p id="sy-rotate-why">The old URL will answer 404 at once. The lab re-points the simulated site's processes; a real Creatio's processes would need the new URL pasted in.</p>
          <div className="sy-buttons">
            <button type="button" className="button primary" autoFocus onClick={() => void rotateWebhookToken()}>Rotate now</button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>Keep the current token</button>
          </div>
        </div>
      )}
      {rotating && <p role="status">Rotating the token…</p>}
      {notice && <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'sy-saved' : 'form-error'}>{notice.text}</p>}
    </section>
  );
}
