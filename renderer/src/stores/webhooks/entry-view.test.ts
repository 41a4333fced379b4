import { describe, expect, it } from 'vitest';
import type { WebhookLogEntry } from '../../../../contract';
import { doneInShort, eventTypeOf, isTruncated, validationOf, whatWasDone } from './entry-view';

const base: WebhookLogEntry = { seq: 1, at: '2026-01-01T00:00:00.000Z', token: 'valid', size: 2, body: '{}', status: 202, outcome: 'accepted' };

describe('a webhook log entry as the view words it', () => {
  it('reads the validation result from the answer: code, message and each problem', () => {
    const entry = {
      ...base, status: 400, outcome: 'rejected', detail: 'INVALID_WEBHOOK: caseId: must be a GUID',
      response: { error: { code: 'INVALID_WEBHOOK', message: 'caseId: must be a GUID', problems: [{ field: 'caseId', problem: 'must be a GUID' }] } },
    };
    expect(validationOf(entry)).toEqual({ ok: false, code: 'INVALID_WEBHOOK', message: 'caseId: must be a GUID', problems: [{ field: 'caseId', problem: 'must be a GUID' }] });
    expect(validationOf({ ...entry, response: undefined })).toMatchObject({ ok: false, code: 'INVALID_WEBHOOK', problems: [] });
    expect(validationOf(base)).toEqual({ ok: true, problems: [] });
  });

  it('says what was done, in short for the table', () => {
    expect(doneInShort({ ...base, result: 'read 3 activities: 1 new agent replies, 0 without text' })).toBe('accepted · 1 reply delivered');
    expect(doneInShort({ ...base, result: 'read 2 activities: 0 new agent replies, 0 without text' })).toBe('accepted · no new reply');
    expect(doneInShort({ ...base, outcome: 'rejected', token: 'wrong', status: 404 })).toBe('rejected: wrong token');
    expect(doneInShort({ ...base, outcome: 'already-resolved', status: 200 })).toBe('already resolved');
    expect(whatWasDone({ ...base, outcome: 'ignored', detail: 'no conversation has this case' })).toBe('Ignored: no conversation has this case');
  });

  it('finds event_type in a body the engine rejected, and knows a body cut at 512 characters', () => {
    expect(eventTypeOf({ ...base, body: '{"event_type":"case_closed"}' })).toBe('case_closed');
    expect(eventTypeOf({ ...base, body: 'not json' })).toBeUndefined();
    expect(isTruncated({ ...base, body: 'x'.repeat(512), size: 700 })).toBe(true);
    expect(isTruncated({ ...base, body: 'é', size: 2 })).toBe(false);
  });
});
