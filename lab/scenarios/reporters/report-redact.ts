/**
 * The reports' last-resort redactor. Results and events come redacted from the lab; this catches
 * what slipped through anyway, by the shape of known secrets, before anything is printed or written:
 * bearer tokens, the webhook URL's token segment, Creatio's auth cookies and BPMCSRF header,
 * passwords and client secrets in JSON, forms and query strings, and values under secret-named keys.
 */
import type { ScenarioResult } from '../scenario-result';

export const REDACTED = '***';

/** Keys whose string values are secrets whatever they hold. */
const SECRET_KEY = /^(password|userpassword|clientsecret|client_secret|secret|apitoken|api_token|accesstoken|access_token|refreshtoken|refresh_token|token|webhooktoken|authorization|cookie|set-cookie|bpmcsrf|aspxauth|\.aspxauth|bpmloader|x-api-key)$/i;

const PATTERNS: [RegExp, string][] = [
  // Authorization: Bearer <token> (and Basic).
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g, `$1 ${REDACTED}`],
  // The webhook URL's secret segment: .../webhook/<token> (seed-case-sync.md: "This URL contains a secret token").
  [/(\/webhook\/)(?!\*\*\*)[^/\s?#"'<>]+/gi, `$1${REDACTED}`],
  // Creatio's auth cookies and the CSRF header (creatio-api.md, forms authentication).
  [/(\.ASPXAUTH|\bBPMCSRF|\bBPMLOADER)(=|:\s*)(?!\*\*\*)[^;,\s"'<>]+/g, `$1$2${REDACTED}`],
  // JSON text: "UserPassword":"...", "client_secret":"...".
  [/("(?:[A-Za-z]*password|client_?secret|secret|api_?token|access_?token|refresh_?token|webhook_?token)"\s*:\s*")(?:[^"\\]|\\.)*"/gi, `$1${REDACTED}"`],
  // Forms and query strings: password=...&client_secret=...
  [/\b((?:[A-Za-z]*password|client_secret|access_token|refresh_token|api_token)=)[^&\s"'<>]+/gi, `$1${REDACTED}`],
];

/** Redacts known secret shapes in a text. */
export function redactText(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** A deep copy of `value` with every string redacted and secret-named keys' values masked. */
export function redactDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && typeof item === 'string' && item !== REDACTED ? REDACTED : walk(item);
    }
    return out;
  }
  return value;
}

/** A result with every text in it (steps, errors, timeline, events) passed through the redactor. */
export function redactResult(result: ScenarioResult): ScenarioResult {
  return redactDeep(result);
}
