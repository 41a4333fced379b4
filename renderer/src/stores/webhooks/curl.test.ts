import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote, webhookBase } from './curl';

describe('copy as curl', () => {
  it('puts $WEBHOOK_TOKEN in place of the token unless one is given', () => {
    const base = webhookBase('http://127.0.0.1:4312/backend/creatio/webhook/***');
    expect(base).toBe('http://127.0.0.1:4312/backend/creatio/webhook/');
    const masked = curlCommand({ base, contentType: 'application/json', body: '{"event_type":"case_closed"}' });
    expect(masked).toBe([
      'curl -i -X POST "http://127.0.0.1:4312/backend/creatio/webhook/$WEBHOOK_TOKEN"',
      `  -H 'Content-Type: application/json'`,
      `  --data-raw '{"event_type":"case_closed"}'`,
    ].join(' \\\n'));
    expect(curlCommand({ base, token: 'abc_DEF-1', body: '{}' })).toContain(`'http://127.0.0.1:4312/backend/creatio/webhook/abc_DEF-1'`);
  });

  it('quotes single quotes so the body reaches the receiver byte for byte', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(curlCommand({ base: 'http://h/', body: `{"a":"it's"}` })).toContain(`--data-raw '{"a":"it'\\''s"}'`);
  });

  it('leaves the Content-Type out when the request had none', () => {
    expect(curlCommand({ base: 'http://h/', body: 'x' })).not.toContain('Content-Type');
  });
});
