import { describe, expect, it } from 'vitest';
import type { EngineSettingsView } from '../../../../contract';
import { problemSlot, toBody, toDraft } from './settings-draft';

const VIEW: EngineSettingsView = {
  instanceUrl: 'http://127.0.0.1:5080',
  auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: '***' },
  resolvedStatusId: 'ae7f411e-f46b-1410-009b-0050ba5d6c38',
  createCaseOnlyOnHandoff: false,
  aiFields: [{ fieldName: 'UsrOrder', displayTitle: 'Order', fieldType: 'text', description: 'the order number' }],
  transcriptActivityTypeId: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6',
  webhookToken: '***',
  sessionUrlTemplate: 'http://127.0.0.1/conversations/{sessionId}',
  requestTimeoutMs: 10_000,
  outbox: { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 5_000 },
};

describe('the settings draft', () => {
  it('round-trips unchanged settings, sending *** for the stored secret and never the webhook token', () => {
    const result = toBody(toDraft(VIEW), 'oauth');
    expect(result).toEqual({ body: { ...VIEW, webhookToken: undefined, defaultCaseOwnerId: undefined, defaultCaseGroupId: undefined } });
    expect(JSON.stringify(result)).not.toContain('webhookToken');
  });

  it('sends a typed secret as typed, and an empty one for a kind that has no stored secret', () => {
    const draft = { ...toDraft(VIEW), clientSecret: 'new-secret' };
    expect(toBody(draft, 'oauth')).toMatchObject({ body: { auth: { kind: 'oauth', clientSecret: 'new-secret' } } });
    expect(toBody({ ...toDraft(VIEW), authKind: 'forms', userName: 'Supervisor' }, 'oauth')).toMatchObject({ body: { auth: { kind: 'forms', password: '' } } });
  });

  it('names each number that is not a whole number of at least 1, by its API path', () => {
    const result = toBody({ ...toDraft(VIEW), maxAttempts: 'ten', maxDelayMs: '0' }, 'oauth');
    expect(result).toEqual({ problems: [
      { field: 'outbox.maxAttempts', problem: 'must be a whole number of at least 1' },
      { field: 'outbox.maxDelayMs', problem: 'must be a whole number of at least 1' },
    ] });
  });

  it('shows a failed sign-in beside the secret, and an AI field problem beside its row', () => {
    expect(problemSlot('auth', 'oauth')).toBe('auth.clientSecret');
    expect(problemSlot('auth', 'forms')).toBe('auth.password');
    expect(problemSlot('aiFields.2.fieldType', 'oauth')).toBe('aiFields.2');
    expect(problemSlot('instanceUrl', 'oauth')).toBe('instanceUrl');
  });
});
