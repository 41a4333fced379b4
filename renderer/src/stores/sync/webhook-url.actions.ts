/**
 * The webhook URL on the Sync view: shown masked; "Copy" reads the full secret URL from the lab and
 * puts it on the clipboard only; "Rotate token" makes a new token (the lab re-points the site's
 * processes that called the old URL, which then answers 404).
 */
import { labClient } from '../../api/lab-client';
import { useAppStore } from '../app/app.store';
import { useSyncStore } from './sync.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useSyncStore.getState();

export async function loadWebhookUrl(): Promise<void> {
  try {
    const info = await labClient().info();
    useAppStore.getState().setInfo(info);
    store().setMaskedUrl(info.urls.webhook);
  } catch (error) {
    store().setWebhookNotice({ ok: false, text: `Could not read the webhook URL: ${message(error)}` });
  }
}

export async function copyWebhookUrl(): Promise<void> {
  store().setWebhookNotice(null);
  try {
    const { url } = await labClient().secretWebhookUrl();
    await navigator.clipboard.writeText(url);
    store().setWebhookNotice({ ok: true, text: 'Copied the webhook URL, with its secret token, to the clipboard. Paste it into Creatio\'s "Call web service".' });
  } catch (error) {
    store().setWebhookNotice({ ok: false, text: `Could not copy the webhook URL: ${message(error)}` });
  }
}

export async function rotateWebhookToken(): Promise<void> {
  store().setConfirmingRotate(false);
  store().setWebhookNotice(null);
  store().setRotating(true);
  try {
    const { webhookUrl } = await labClient().rotateWebhookToken();
    store().setMaskedUrl(webhookUrl);
    store().setWebhookNotice({ ok: true, text: 'New token saved. The old URL now answers 404; the lab re-pointed the site\'s processes that called it.' });
    void loadWebhookUrl();
  } catch (error) {
    store().setWebhookNotice({ ok: false, text: `Could not rotate the token: ${message(error)}` });
  } finally {
    store().setRotating(false);
  }
}
