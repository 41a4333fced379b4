/**
 * The one place that redacts secrets before they leave the lab (conventions.md, "Errors"): the
 * webhook token in any URL, the engine's auth secrets, the API token, and any value under a
 * secret-looking key. Every event passes through it before it enters the bus.
 */
export const REDACTED = '***';

const SECRET_KEY = /secret|password|token|authorization|cookie|csrf/i;
/** The seed's webhook URL shape: `.../backend/creatio/webhook/<token>` (seed-case-sync.md). */
const WEBHOOK_SEGMENT = /(\/webhook\/)[^/?#\s"']+/gi;
/** Shorter secrets (a demo password like "Supervisor") would redact ordinary words in texts: their keys still hide them. */
const MIN_SCANNED_SECRET = 12;

/** Replaces the token segment of a webhook URL (or of any text holding one). */
export function maskWebhookUrl(text: string): string {
  return text.replace(WEBHOOK_SEGMENT, `$1${REDACTED}`);
}

export type Redactor = <T>(value: T) => T;

/** A deep redactor over the current secrets (read at each call: the token can rotate). */
export function createRedactor(secrets: () => readonly (string | undefined)[]): Redactor {
  function redactText(text: string, known: string[]): string {
    let out = maskWebhookUrl(text);
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }
  function walk(value: unknown, known: string[]): unknown {
    if (typeof value === 'string') return redactText(value, known);
    if (Array.isArray(value)) return value.map((v) => walk(v, known));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        out[key] = SECRET_KEY.test(key) && (typeof v === 'string' || typeof v === 'number') ? REDACTED : walk(v, known);
      }
      return out;
    }
    return value;
  }
  return <T>(value: T): T => {
    const known = secrets().filter((s): s is string => typeof s === 'string' && s.length >= MIN_SCANNED_SECRET);
    return walk(value, known) as T;
  };
}
