/** Masking the engine's settings, and the contract's mirror of them staying in step with the engine's schema. */
import { describe, expect, it } from 'vitest';
import { EngineSettings } from '../../engine';
import { EngineSettingsBody, EngineSettingsView } from '../../contract';
import { maskSettings, maskWebhookUrl, unmaskSettings } from './settings-secrets';

const stored = EngineSettings.parse({
  instanceUrl: 'http://127.0.0.1:5080',
  auth: { kind: 'oauth', clientId: 'case-sync-lab', clientSecret: 's3cret-value' },
  webhookToken: 'webhook-token-0123456789abcdef',
  defaultCaseOwnerId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
  aiFields: [{ fieldName: 'PriorityId', displayTitle: 'Priority', fieldType: 'dropdown', description: 'High, Low' }],
});

describe('settings secrets', () => {
  it('masks the client secret, the password and the webhook token', () => {
    expect(JSON.stringify(maskSettings(stored))).not.toMatch(/s3cret-value|webhook-token-0123/);
    const forms = EngineSettings.parse({ ...stored, auth: { kind: 'forms', userName: 'Supervisor', password: 'pw-value' } });
    expect(maskSettings(forms).auth).toEqual({ kind: 'forms', userName: 'Supervisor', password: '***' });
    expect(maskWebhookUrl('http://127.0.0.1:1/backend/creatio/webhook/abc')).toBe('http://127.0.0.1:1/backend/creatio/webhook/***');
  });

  it('puts the stored secrets back for *** and leaves new ones alone', () => {
    const masked = maskSettings(stored);
    expect(EngineSettings.parse(unmaskSettings(masked, stored))).toEqual(stored);
    const changed = unmaskSettings({ ...masked, auth: { kind: 'oauth', clientId: 'x', clientSecret: 'new' }, webhookToken: 'another-token-0123456789abcdef' }, stored);
    expect(changed).toMatchObject({ auth: { clientSecret: 'new' }, webhookToken: 'another-token-0123456789abcdef' });
  });

  it("mirrors the engine's settings exactly (a field added to one but not the other fails here)", () => {
    const view = maskSettings(stored);
    expect(EngineSettingsView.strict().parse(view)).toEqual(view);
    const engineKeys = Object.keys(EngineSettings.shape).sort();
    expect(Object.keys(EngineSettingsView.shape).sort()).toEqual(engineKeys);
    expect(Object.keys(EngineSettingsBody.shape).sort()).toEqual(engineKeys);
    expect(Object.keys(EngineSettings.shape.outbox.unwrap().shape).sort()).toEqual(Object.keys(EngineSettingsView.shape.outbox.shape).sort());
  });
});
