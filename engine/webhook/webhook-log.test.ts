import { describe, expect, it } from 'vitest';
import { createWebhookLog } from './webhook-log';

const SECRET = 'Zt9x2bQe7W1mN4pL6vR8sK0yH3jF5dA';

describe('the webhook log', () => {
  it('keeps the headers, the answer and the time taken, never the token', () => {
    const log = createWebhookLog(10);
    log.add({
      at: '2026-01-01T00:00:00.000Z', token: 'valid', size: 2, body: `{"note":"${SECRET}"}`, status: 202, outcome: 'accepted',
      headers: { 'content-type': 'application/json', 'x-echo': `token=${SECRET}`, 'user-agent': 'x'.repeat(2_000) },
      response: { status: 'accepted', webhookId: 'w1' }, durationMs: 4,
    }, SECRET);
    const [entry] = log.list();
    expect(entry).toMatchObject({ headers: { 'content-type': 'application/json', 'x-echo': 'token=[redacted]' }, response: { status: 'accepted' }, durationMs: 4 });
    expect(entry!.headers!['user-agent']).toHaveLength(512);
    expect(JSON.stringify(log.list())).not.toContain(SECRET);
  });
});
