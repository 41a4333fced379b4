/**
 * The engine's settings in the lab: by default they point at the lab's own simulated site, with
 * the site's seeded integrated application and seed records (docs/admin-api.md). The site takes a
 * new port at each launch, so saved settings that point at the lab's site follow it; once a user
 * points them at another instance (a real Creatio), the lab leaves them alone.
 */
import { describeSettingsProblems, EngineError, EngineSettings, type EngineSettingsInput } from '../engine';
import { CASE_STATUS, DEFAULT_OAUTH_CLIENTS, SUPERVISOR_CONTACT_ID, SYS_ADMIN_UNIT } from '../mock-creatio';
import type { LabMode } from './lab.types';

/** Settings that work against a fresh simulated site at `siteUrl`. */
export function defaultLabSettings(siteUrl: string, webhookToken: string): EngineSettings {
  const client = DEFAULT_OAUTH_CLIENTS[0]!;
  return EngineSettings.parse({
    instanceUrl: siteUrl,
    auth: { kind: 'oauth', clientId: client.clientId, clientSecret: client.clientSecret },
    defaultCaseOwnerId: SUPERVISOR_CONTACT_ID,
    defaultCaseGroupId: SYS_ADMIN_UNIT.FirstLineSupport,
    resolvedStatusId: CASE_STATUS.Resolved,
    webhookToken,
  });
}

/** Parses settings input; a problem is SETTINGS_INVALID naming each field. */
export function parseSettings(input: unknown): EngineSettings {
  const parsed = EngineSettings.safeParse(input);
  if (!parsed.success) {
    const problems = describeSettingsProblems(parsed.error);
    throw new EngineError('SETTINGS_INVALID', `The engine's settings are invalid: ${problems.join('; ')}`, { problems });
  }
  return parsed.data;
}

export const modeOf = (settings: EngineSettings): LabMode => (settings.createCaseOnlyOnHandoff ? 'handoff-only' : 'every-conversation');

export interface StartSettingsInput {
  /** settings.json, when the workspace has one. */
  saved: EngineSettings | undefined;
  /** lab.json's memory of the last launch. */
  previous: { followsLabSite: boolean; siteUrl: string } | undefined;
  siteUrl: string;
  mode?: LabMode;
  overrides?: Partial<EngineSettingsInput>;
  newToken: () => string;
}

/** The settings the engine starts with, and whether they follow the lab's site. */
export function startSettings(input: StartSettingsInput): { settings: EngineSettings; followsLabSite: boolean } {
  const { saved, previous, siteUrl } = input;
  let follows = saved === undefined || (previous !== undefined && previous.followsLabSite && saved.instanceUrl === previous.siteUrl);
  let settings = saved ?? defaultLabSettings(siteUrl, input.newToken());
  if (follows) settings = { ...settings, instanceUrl: siteUrl };
  if (input.mode) settings = { ...settings, createCaseOnlyOnHandoff: input.mode === 'handoff-only' };
  if (input.overrides && Object.keys(input.overrides).length > 0) {
    settings = parseSettings({ ...settings, ...input.overrides });
    if (input.overrides.instanceUrl !== undefined) follows = input.overrides.instanceUrl === siteUrl;
  }
  return { settings, followsLabSite: follows };
}
