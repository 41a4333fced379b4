import { describe, expect, it } from 'vitest';
import { SiteSettings, defaultSiteSettings } from './site-settings';

describe('SiteSettings', () => {
  it('fills every default', () => {
    expect(defaultSiteSettings()).toEqual({
      users: [{ userName: 'Supervisor', password: 'Supervisor', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' }],
      oauthClients: [
        { clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me', systemUserName: 'Supervisor', active: true },
      ],
      sessionLifetimeSeconds: 3600,
      tokenLifetimeSeconds: 3600,
      expiredSessionResponse: 'json401',
      loginPageMode: 'redirect302',
      identityServerPath: '/connect/token',
    });
  });

  it('gives each parse its own default lists', () => {
    const a = defaultSiteSettings();
    a.users.push({ userName: 'x', password: 'y', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' });
    expect(defaultSiteSettings().users).toHaveLength(1);
  });

  it('lowercases GUIDs and defaults a client to active', () => {
    const s = SiteSettings.parse({
      users: [{ userName: 'Ann', password: 'p', contactId: 'A1B2C3D4-0000-4000-8000-00000000000F', adminUnitId: 'AAAAAAAA-0000-4000-8000-000000000000' }],
      oauthClients: [{ clientId: 'c', clientSecret: 's', systemUserName: 'Ann' }],
    });
    expect(s.users[0]?.contactId).toBe('a1b2c3d4-0000-4000-8000-00000000000f');
    expect(s.users[0]?.adminUnitId).toBe('aaaaaaaa-0000-4000-8000-000000000000');
    expect(s.oauthClients[0]?.active).toBe(true);
  });

  it('says what is wrong and where', () => {
    const bad = SiteSettings.safeParse({
      users: [
        { userName: 'Ann', password: 'p', contactId: 'not-a-guid' },
        { userName: 'ann', password: 'q', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' },
      ],
      expiredSessionResponse: 'teapot',
      identityServerPath: 'connect/token',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['users.0.contactId', 'expiredSessionResponse', 'identityServerPath']));
  });

  it('rejects duplicate user names (case-insensitive) and client ids', () => {
    const bad = SiteSettings.safeParse({
      users: [
        { userName: 'Ann', password: 'p', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' },
        { userName: 'ANN', password: 'q', contactId: '410006e1-ca4e-4502-a9ec-e54d922d2c00' },
      ],
      oauthClients: [
        { clientId: 'c', clientSecret: 's', systemUserName: 'Ann' },
        { clientId: 'c', clientSecret: 't', systemUserName: 'Ann' },
      ],
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['users.1.userName', 'duplicate userName "ann"'],
      ['oauthClients.1.clientId', 'duplicate clientId "c"'],
    ]);
  });
});
