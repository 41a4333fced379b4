import { describe, expect, it } from 'vitest';
import type { JournalEntry, LabEvent } from '../../../../contract';
import { findJournalEntry, findProcessRun, findWebhookEntry, journalView, processView } from './timeline.requests';
import { redactText } from './redact-text';

const entry = (id: number, startedOn: string, method: string, url: string, body = '', extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id, startedOn, method, url, status: 201, durationMs: 3, requestHeaders: { authorization: 'Bearer ***' }, requestBody: body,
  responseHeaders: {}, responseBody: '', ...extra,
});
const event = (type: string, at: string, data: Record<string, unknown>): LabEvent => ({ seq: 1, at, source: 'creatio', type, data });

const journal = [
  entry(4, '2026-11-24T09:00:05.000Z', 'POST', '/0/odata/Activity', '{"CaseId":"c1","Title":"later"}'),
  entry(3, '2026-11-24T09:00:01.000Z', 'POST', '/0/odata/$batch', '{"requests":[{"body":{"Id":"A1"}}]}'),
  entry(2, '2026-11-24T09:00:00.900Z', 'GET', '/0/odata/Activity?$filter=Id eq a1'),
  entry(1, '2026-11-24T09:00:00.500Z', 'POST', '/0/odata/$batch', '{"requests":[{"body":{"Id":"a1"}}]}', { fault: 'down', status: 200 }),
];

describe('findJournalEntry', () => {
  it('finds the write that carried the record (case-insensitive id, in a $batch), not a read or a later write', () => {
    const found = findJournalEntry(event('record.inserted', '2026-11-24T09:00:01.040Z', { id: 'a1' }), journal);
    expect(found?.id).toBe(3);
    expect(journalView(found!).title).toBe('POST /0/odata/$batch → 201');
  });

  it('finds the failed request behind a retry', () => {
    expect(findJournalEntry(event('retry.scheduled', '2026-11-24T09:00:00.700Z', { attempts: 1 }), journal)?.id).toBe(1);
  });

  it('answers nothing when no write names the record', () => {
    expect(findJournalEntry(event('record.inserted', '2026-11-24T09:00:09.000Z', { id: 'zz' }), journal)).toBeUndefined();
  });
});

describe('process runs and webhooks', () => {
  it('matches a run by its trigger and shows the request as sent, secrets masked', () => {
    const runs = [
      { id: 'r1', trigger: { recordId: 'a1', commitSequence: 3 }, status: 'completed', request: { url: 'http://h/backend/creatio/webhook/abcdefghijklmnop', method: 'POST', headers: { Authorization: 'Bearer abcdefghijkl' }, body: '{"caseId":"c1"}' }, response: { status: 202, timeMs: 5, headers: {}, body: '' } },
      { id: 'r2', trigger: { recordId: 'a2', commitSequence: 4 }, status: 'completed' },
    ];
    const run = findProcessRun({ seq: 2, at: '', source: 'process', type: 'process.ran', data: { trigger: { recordId: 'a1', commitSequence: 3 } } }, runs);
    expect(run?.id).toBe('r1');
    const view = processView(run!);
    expect(view.request?.line).toBe('POST http://h/backend/creatio/webhook/***');
    expect(view.request?.headers.Authorization).toBe('Bearer ***');
    expect(view.request?.body).toContain('"caseId": "c1"');
  });

  it('matches a webhook by its id', () => {
    const log = [1, 2].map((n) => ({ seq: n, at: `2026-11-24T09:00:0${n}.000Z`, token: 'valid' as const, size: 2, body: '{}', status: 202, outcome: 'accepted', webhookId: `w${n}` }));
    expect(findWebhookEntry({ seq: 3, at: '2026-11-24T09:00:09.000Z', source: 'engine', type: 'webhook.handled', data: { webhookIds: ['w1'] } }, log)?.seq).toBe(1);
  });

  it('masks secrets that were not masked yet, and leaves masked ones alone', () => {
    expect(redactText('Cookie: BPMCSRF=abc123; .ASPXAUTH=***')).toBe('Cookie: BPMCSRF=***; .ASPXAUTH=***');
    expect(redactText('{"clientSecret":"lab-client-secret"}')).toBe('{"clientSecret":"***"}');
  });
});
