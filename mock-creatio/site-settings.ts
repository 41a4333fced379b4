import { z } from 'zod';
import { isGuid, normalizeGuid } from './schema/values';

/**
 * Settings of the simulated Creatio site that the auth layer reads on every request (so the lab can
 * change them live). Wire facts: reference/creatio-api.md §2.
 */

const Guid = z
  .string()
  .refine(isGuid, { message: 'must be a GUID like 410006e1-ca4e-4502-a9ec-e54d922d2c00' })
  .transform(normalizeGuid);

/** A Creatio user who can sign in with forms auth (AuthService.svc/Login). */
export const SiteUser = z.object({
  userName: z.string().min(1),
  password: z.string(),
  /** The Contact that stands for this user (Creatio links every SysAdminUnit user to a Contact). */
  contactId: Guid,
  /** The user's SysAdminUnit Id, where the seed data has one. */
  adminUnitId: Guid.optional(),
});
export type SiteUser = z.infer<typeof SiteUser>;

/** An "OAuth 2.0 integrated application" (System Designer), reference §2.2. */
export const OAuthClient = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The Creatio user whose permissions tokens of this client carry. */
  systemUserName: z.string().min(1),
  active: z.boolean().default(true),
});
export type OAuthClient = z.infer<typeof OAuthClient>;

/** Supervisor is the administrator every fresh Creatio install has; this is its Contact Id. */
export const SUPERVISOR_CONTACT_ID = '410006e1-ca4e-4502-a9ec-e54d922d2c00';

export const DEFAULT_USERS: SiteUser[] = [
  { userName: 'Supervisor', password: 'Supervisor', contactId: SUPERVISOR_CONTACT_ID },
];

export const DEFAULT_OAUTH_CLIENTS: OAuthClient[] = [
  { clientId: 'case-sync-lab', clientSecret: 'lab-client-secret-change-me', systemUserName: 'Supervisor', active: true },
];

export const SiteSettings = z
  .object({
    users: z.array(SiteUser).default(() => DEFAULT_USERS.map((u) => ({ ...u }))),
    oauthClients: z.array(OAuthClient).default(() => DEFAULT_OAUTH_CLIENTS.map((c) => ({ ...c }))),
    /**
     * Forms-session idle timeout, sliding: every authenticated request pushes expiry to now + this.
     * 3600 s mirrors Creatio's "UserSessionTimeout" system setting as commonly configured (60 min);
     * the out-of-the-box value is UNCONFIRMED (reference §2.1 only says cookies "expire in hours").
     */
    sessionLifetimeSeconds: z.number().int().positive().default(3600),
    /** Bearer token lifetime, fixed from issue (no sliding): 3600 s out of the box (reference §2.2). */
    tokenLifetimeSeconds: z.number().int().positive().default(3600),
    /** How a request without a live session/token is answered; real deployments differ (reference §2.1, §7). */
    expiredSessionResponse: z.enum(['json401', 'forbidden403', 'loginPage']).default('json401'),
    /** For expiredSessionResponse 'loginPage': a 302 to NuiLogin.aspx, or the page itself with 200. */
    loginPageMode: z.enum(['html200', 'redirect302']).default('redirect302'),
    /** Path of the Identity Service token endpoint on this simulated host (cloud uses a separate -is host). */
    identityServerPath: z.string().startsWith('/').default('/connect/token'),
  })
  .superRefine((settings, ctx) => {
    reportDuplicates(settings.users.map((u) => u.userName.toLowerCase()), 'users', 'userName', ctx);
    reportDuplicates(settings.oauthClients.map((c) => c.clientId), 'oauthClients', 'clientId', ctx);
  });
export type SiteSettings = z.infer<typeof SiteSettings>;

function reportDuplicates(keys: string[], list: string, field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [list, index, field], message: `duplicate ${field} "${key}"` });
    }
    seen.add(key);
  });
}

/** Settings with every default applied. */
export function defaultSiteSettings(): SiteSettings {
  return SiteSettings.parse({});
}
