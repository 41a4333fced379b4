/**
 * The one place that decides what a secret looks like in the simulator's journal and admin
 * answers: passwords, client secrets, cookies, BPMCSRF, bearer tokens (conventions.md, "Errors").
 */
export const REDACTED = '***';

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'bpmcsrf', 'proxy-authorization']);
/** Custom headers that carry credentials by name (X-Api-Key, X-Auth-Token, X-Webhook-Secret...). */
const SECRET_HEADER_NAME = /token|secret|api[-_]?key|password/i;
const SECRET_KEY = /pass(word)?|secret|token|csrf|cookie|authorization|aspxauth|bpmloader|session/i;

/** Copies headers with every secret-bearing value replaced. Cookie names stay visible. */
export function redactHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const lower = name.toLowerCase();
    if (lower === 'cookie' || lower === 'set-cookie') out[name] = redactCookies(text);
    else if (lower === 'authorization') out[name] = text.replace(/^(\w+)\s+.*$/, `$1 ${REDACTED}`);
    else out[name] = SECRET_HEADERS.has(lower) || SECRET_HEADER_NAME.test(lower) ? REDACTED : text;
  }
  return out;
}

function redactCookies(text: string): string {
  return text.replace(/(^|[;,]\s*)([^=;,\s]+)=([^;,]*)/g, (match, sep: string, name: string) =>
    /^(path|expires|domain|max-age|samesite)$/i.test(name) ? match : `${sep}${name}=${REDACTED}`,
  );
}

/** Redacts secret-looking keys in a JSON value (deep). */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redactJson(v);
    return out;
  }
  return value;
}

/** Redacts a request or response body given as text: JSON, form-encoded, or left as is. */
export function redactBodyText(text: string, contentType = ''): string {
  if (text.length === 0) return text;
  if (contentType.includes('x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    for (const key of [...params.keys()]) if (SECRET_KEY.test(key)) params.set(key, REDACTED);
    return params.toString();
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(redactJson(JSON.parse(text)));
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Redacts the secret token of a webhook URL: the path segment after `/webhook/`
 * (`.../backend/creatio/webhook/<token>`, seed-case-sync.md "This URL contains a secret token").
 */
export function redactWebhookToken(url: string): string {
  return url.replace(/(\/webhook\/)[^/?#]+/gi, `$1${REDACTED}`);
}

/** Redacts secret query parameters and a webhook token in a URL (path + query, or absolute). */
export function redactUrl(rawUrl: string): string {
  const url = redactWebhookToken(rawUrl);
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (SECRET_KEY.test(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}
