/** The engine's outbox and webhook log, and raw requests to its webhook receiver. */
import { Router } from 'express';
import { OutboxQuery, SendWebhookBody } from '../../contract';
import type { Lab } from '../lab.types';
import { ApiError, parseBody, parseQuery } from './api-error';

/** A token that never matches (the engine's tokens are base64url, so `!` cannot appear in one). */
const WRONG_TOKEN = 'wrong-token!';

/** The webhook URL for `token`: 'valid' the current one, 'wrong' one that does not match, else as given. */
function webhookUrlFor(lab: Lab, token: string): string {
  const current = lab.webhookUrl();
  if (token === 'valid') return current;
  const base = current.slice(0, current.lastIndexOf('/') + 1);
  return `${base}${encodeURIComponent(token === 'wrong' ? WRONG_TOKEN : token)}`;
}

export function engineRouter(lab: Lab): Router {
  const router = Router();

  router.get('/outbox', (req, res) => {
    const { state } = parseQuery(OutboxQuery, req.query);
    const items = lab.engine.outbox().filter((item) => !state || item.state === state);
    res.json({ items });
  });

  router.post('/outbox/:itemId/retry', async (req, res) => {
    const { itemId } = req.params;
    const item = lab.engine.outbox().find((i) => i.id === itemId);
    if (!item) throw new ApiError(404, 'NOT_FOUND', `No outbox item with id ${JSON.stringify(itemId)}`);
    if (item.state !== 'dead') throw new ApiError(409, 'CONFLICT', `Outbox item ${itemId} is ${item.state}, not a dead letter: only a dead letter can be retried`);
    await lab.engine.retryDeadLetter(itemId);
    res.json({ item: lab.engine.outbox().find((i) => i.id === itemId) ?? item });
  });

  router.get('/webhooks', (_req, res) => {
    res.json({ entries: lab.engine.webhookLog() });
  });

  // A real HTTP request, so the receiver sees exactly what Creatio's "Call web service" would send.
  router.post('/webhooks/send', async (req, res) => {
    const input = parseBody(SendWebhookBody, req.body);
    const body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
    let response: Response;
    try {
      response = await fetch(webhookUrlFor(lab, input.token ?? 'valid'), {
        method: 'POST', body, headers: { 'content-type': input.contentType ?? 'application/json' }, signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ApiError(502, 'WEBHOOK_UNREACHABLE', `The engine's webhook receiver did not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // Not JSON: the text as it came.
    }
    res.json({ status: response.status, body: answer });
  });

  return router;
}
