/**
 * What the Webhooks view does: reads the engine's webhook log, replays a request (same body and
 * content type, the valid token), sends an edited one, and copies a request as curl. Answers go into
 * the webhooks store.
 */
import type { SendWebhookBody, WebhookLogEntry } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { coalesce } from '../../lib/coalesce';
import { useAppStore } from '../app/app.store';
import { curlCommand, webhookBase } from './curl';
import { useWebhooksStore, type WebhookDraft } from './webhooks.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useWebhooksStore.getState();

/** Reads the log again; bursts of webhook events coalesce into one read. */
export const loadLog = coalesce(async () => {
  if (store().load === 'idle') store().setLoad('loading');
  try {
    store().setEntries((await labClient().webhookEntries()).entries);
  } catch (error) {
    store().setLoad('error', message(error));
  }
});

/** Sends one request to the receiver, then shows its answer and selects the log entry it made. */
async function send(label: string, request: SendWebhookBody): Promise<boolean> {
  const before = store().entries.at(-1)?.seq ?? 0;
  store().setSending(label);
  try {
    const answer = await labClient().sendWebhook(request);
    await loadLog();
    const sentBody = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const made = store().entries.find((e) => e.seq > before && sentBody.startsWith(e.body));
    store().setAnswer({ label, status: answer.status, body: answer.body, ...(made ? { seq: made.seq } : {}) });
    if (made) store().select(made.seq);
    store().setSending(null);
    return true;
  } catch (error) {
    store().setSending(null, message(error));
    return false;
  }
}

/** The same request again: the body as logged, its content type, and the current valid token. */
export function replay(entry: WebhookLogEntry): Promise<boolean> {
  return send(`Replay of #${entry.seq}`, { body: entry.body, token: 'valid', ...(entry.contentType ? { contentType: entry.contentType } : {}) });
}

/** Opens the edit-and-replay form with the entry's request (or an example when there is none). */
export function editAndReplay(entry: WebhookLogEntry | null): void {
  store().openEditor({
    body: entry?.body ?? JSON.stringify({ event_type: 'case_updated', caseId: '00000000-0000-0000-0000-000000000000' }, null, 2),
    contentType: entry?.contentType ?? 'application/json',
    token: entry?.token ?? 'valid',
  });
}

/** Sends the edited request. */
export async function sendDraft(): Promise<void> {
  const draft: WebhookDraft | null = store().draft;
  if (!draft) return;
  const contentType = draft.contentType.trim();
  await send(`Edited request (${draft.token} token)`, { body: draft.body, token: draft.token, ...(contentType ? { contentType } : {}) });
}

async function receiverBase(): Promise<string> {
  const info = useAppStore.getState().info ?? (await labClient().info());
  return webhookBase(info.urls.webhook);
}

/** The request as curl with `$WEBHOOK_TOKEN` (what the screen shows). */
export async function maskedCurl(request: { body: string; contentType?: string | undefined }): Promise<string> {
  return curlCommand({ base: await receiverBase(), body: request.body, ...(request.contentType ? { contentType: request.contentType } : {}) });
}

/**
 * Copies the request as curl. Plain: with `$WEBHOOK_TOKEN`, exactly as shown. `withToken`: with the
 * real URL, read from the lab just for the clipboard and never put on screen.
 */
export async function copyCurl(request: { body: string; contentType?: string | undefined }, options: { withToken: boolean }): Promise<void> {
  try {
    let command = await maskedCurl(request);
    if (options.withToken) {
      const url = (await labClient().secretWebhookUrl()).url;
      const token = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
      command = curlCommand({ base: webhookBase(url), token, body: request.body, ...(request.contentType ? { contentType: request.contentType } : {}) });
    }
    await navigator.clipboard.writeText(command);
    store().setNotice(options.withToken
      ? 'Copied as curl with the real webhook URL: it holds the secret token, paste it with care.'
      : 'Copied as curl with $WEBHOOK_TOKEN in place of the token.');
  } catch (error) {
    store().setNotice(`Could not copy: ${message(error)}`);
  }
}
