/**
 * `webhook`: a raw request to the engine's webhook URL over real HTTP, as a Creatio process (or a
 * stranger) would send it, and a check of the answer: status, error code, the field a 400 names.
 * The token never appears in a title or an error (only 'valid', 'wrong' or '***').
 */
import { clip, type StepContext, type StepOptions, type StepRun, StepFailure } from './step-context';

/** A token of the right shape that is not the lab's (the receiver must answer 404). */
const WRONG_TOKEN = 'wrong-token-AAAAAAAAAAAAAAAA';

function urlFor(ctx: StepContext, token: string): string {
  const webhookUrl = ctx.lab.webhookUrl();
  if (token === 'valid') return webhookUrl;
  if (token === 'previous' && !ctx.previousWebhookToken) throw new StepFailure('token: previous needs a rotate-webhook-token step before it');
  const literal = token === 'wrong' ? WRONG_TOKEN : token === 'previous' ? ctx.previousWebhookToken! : token;
  return `${webhookUrl.slice(0, webhookUrl.lastIndexOf('/') + 1)}${encodeURIComponent(literal)}`;
}

function bodyOf(options: StepOptions<'webhook'>): string {
  const raw = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  if (options.bodySize === undefined) return raw;
  const object = typeof options.body === 'object' ? options.body : {};
  const skeleton = JSON.stringify({ ...object, padding: '' });
  return JSON.stringify({ ...object, padding: 'x'.repeat(Math.max(0, options.bodySize - Buffer.byteLength(skeleton))) });
}

interface Answer {
  status?: string;
  error?: { code?: string; message?: string; problems?: { field?: string; problem?: string }[] };
}

export const webhook: StepRun<'webhook'> = async (ctx, options) => {
  const body = bodyOf(options);
  const response = await fetch(urlFor(ctx, options.token), {
    method: 'POST', headers: { 'Content-Type': options.contentType }, body,
  });
  const text = await response.text();
  let answer: Answer = {};
  try {
    answer = text ? (JSON.parse(text) as Answer) : {};
  } catch {
    // Not JSON: the checks below say what came back.
  }
  const { expect } = options;
  const problems: string[] = [];
  if (response.status !== expect.status) problems.push(`status ${response.status}`);
  if (expect.errorCode !== undefined && answer.error?.code !== expect.errorCode) problems.push(`error code ${answer.error?.code ?? '(none)'}`);
  if (expect.problemField !== undefined && !answer.error?.problems?.some((p) => p.field === expect.problemField)) {
    problems.push(`problems ${JSON.stringify(answer.error?.problems?.map((p) => p.field) ?? [])}`);
  }
  if (expect.result !== undefined && answer.status !== expect.result) problems.push(`result ${answer.status ?? '(none)'}`);
  if (problems.length === 0) return;
  const wanted = [`status ${expect.status}`, expect.errorCode && `error code ${expect.errorCode}`, expect.problemField && `a problem naming ${expect.problemField}`, expect.result && `result ${expect.result}`]
    .filter(Boolean).join(', ');
  let shown = text;
  for (const secret of [ctx.lab.settings().webhookToken, ctx.previousWebhookToken]) if (secret) shown = shown.replaceAll(secret, '***');
  throw new StepFailure(`webhook answer: expected ${wanted}; got ${problems.join(', ')} (body ${clip(shown, 200)})`);
};
