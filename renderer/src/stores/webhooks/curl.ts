/**
 * "Copy as curl" (Webhooks view): a curl command line for a webhook request. On screen and in the
 * plain copy the token is the shell variable `$WEBHOOK_TOKEN`, so the command can be pasted in a
 * ticket; only "Copy with token" puts the real URL in it, and only on the clipboard (docs/ui-webhooks.md).
 */

/** A shell word in single quotes (a `'` inside becomes `'\''`). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The receiver's base (`http://127.0.0.1:4312/backend/creatio/webhook/`) from a masked or real webhook URL. */
export function webhookBase(url: string): string {
  return url.slice(0, url.lastIndexOf('/') + 1);
}

export interface CurlInput {
  /** The receiver's base URL, ending with `/`. */
  base: string;
  /** The real token; absent: `$WEBHOOK_TOKEN`. */
  token?: string;
  contentType?: string;
  body: string;
}

export function curlCommand(input: CurlInput): string {
  const url = input.token === undefined ? `"${input.base}$WEBHOOK_TOKEN"` : shellQuote(`${input.base}${encodeURIComponent(input.token)}`);
  const lines = [`curl -i -X POST ${url}`];
  if (input.contentType) lines.push(`  -H ${shellQuote(`Content-Type: ${input.contentType}`)}`);
  lines.push(`  --data-raw ${shellQuote(input.body)}`);
  return lines.join(' \\\n');
}
