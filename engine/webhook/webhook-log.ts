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
}

export const BODY_EXCERPT_CHARS = 512;

export function createWebhookLog(capacity = 1_000) {
  const entries: WebhookLogEntry[] = [];
  const byWebhook = new Map<string, WebhookLogEntry>();
  let seq = 0;
  return {
    add(entry: Omit<WebhookLogEntry, 'seq'>, secret: string): WebhookLogEntry {
      let body = entry.body.slice(0, BODY_EXCERPT_CHARS + secret.length);
      if (secret) body = body.split(secret).join('[redacted]');
      const stored: WebhookLogEntry = { ...entry, seq: (seq += 1), body: body.slice(0, BODY_EXCERPT_CHARS) };
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
