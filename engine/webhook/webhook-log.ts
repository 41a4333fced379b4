/**
 * The webhook log (issue 4: "every request, good or bad, is kept in the webhook log with what was
 * done"): a bounded ring in memory, newest last. The token is never kept (only whether it matched,
 * and it is scrubbed from the body excerpt); bodies are kept truncated.
 */
export interface WebhookLogEntry {
  seq: number;
  at: string;
  /** Whether the URL's token matched; the token itself is never kept. */
  token: 'valid' | 'wrong';
  contentType?: string;
  /** Bytes of the body. */
  size: number;
  /** The body's first characters (the token, if it appears in it, replaced by [redacted]). */
  body: string;
  status: number;
  /** rejected | ignored | acknowledged | accepted | resolved | already-resolved | unavailable */
  outcome: string;
  /** The error code or a note on what was done. */
  detail?: string;
  eventType?: string;
  caseId?: string;
  conversationId?: string;
  webhookId?: string;
  /** Filled in later for accepted webhooks: what processing did (e.g. "2 replies delivered"). */
  result?: string;
  /** The request's headers as the host passed them (the token, if it appears in one, replaced by [redacted]). */
  headers?: Record<string, string>;
  /** The body the receiver answered with (its status is `status`). */
  response?: unknown;
  /** From receiving the request to answering it, in ms (the engine's clock). */
  durationMs?: number;
}

export const BODY_EXCERPT_CHARS = 512;

/** Header values kept short, the token never (a sender could put it in a header too). */
function scrubHeaders(headers: Record<string, string>, secret: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).slice(0, 50)) {
    const text = String(value).slice(0, BODY_EXCERPT_CHARS + secret.length);
    kept[name] = (secret ? text.split(secret).join('[redacted]') : text).slice(0, BODY_EXCERPT_CHARS);
  }
  return kept;
}

export function createWebhookLog(capacity = 1_000) {
  const entries: WebhookLogEntry[] = [];
  const byWebhook = new Map<string, WebhookLogEntry>();
  let seq = 0;
  return {
    add(entry: Omit<WebhookLogEntry, 'seq'>, secret: string): WebhookLogEntry {
      let body = entry.body.slice(0, BODY_EXCERPT_CHARS + secret.length);
      if (secret) body = body.split(secret).join('[redacted]');
      const stored: WebhookLogEntry = { ...entry, seq: (seq += 1), body: body.slice(0, BODY_EXCERPT_CHARS) };
      if (entry.headers) stored.headers = scrubHeaders(entry.headers, secret);
      entries.push(stored);
      if (stored.webhookId) byWebhook.set(stored.webhookId, stored);
      while (entries.length > capacity) {
        const dropped = entries.shift()!;
        if (dropped.webhookId) byWebhook.delete(dropped.webhookId);
      }
      return stored;
    },
    /** Notes what processing did for an accepted webhook (if its entry is still in the ring). */
    result(webhookId: string, result: string): void {
      const entry = byWebhook.get(webhookId);
      if (entry) entry.result = result;
    },
    list: (): WebhookLogEntry[] => entries.map((e) => ({ ...e })),
  };
}
export type WebhookLog = ReturnType<typeof createWebhookLog>;
