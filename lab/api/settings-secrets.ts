/**
 * Secrets of the engine's settings never leave the lab: they go out as `***`, and `***` coming back
 * in a PUT keeps the stored value (so a UI can GET, edit one field, and PUT the whole thing back).
 */
import type { EngineSettings } from '../../engine';
import { MASK, type EngineSettingsBody, type EngineSettingsView } from '../../contract';

export function maskSettings(settings: EngineSettings): EngineSettingsView {
  const auth = settings.auth.kind === 'oauth'
    ? { ...settings.auth, clientSecret: MASK }
    : { ...settings.auth, password: MASK };
  return { ...settings, auth, webhookToken: MASK, aiFields: settings.aiFields.map((f) => ({ ...f })), outbox: { ...settings.outbox } };
}

/** Puts the stored secrets back where the body says `***` (or leaves the webhook token out). */
export function unmaskSettings(body: EngineSettingsBody, stored: EngineSettings): EngineSettingsBody {
  const auth = { ...body.auth };
  if (auth.kind === 'oauth' && auth.clientSecret === MASK) {
    auth.clientSecret = stored.auth.kind === 'oauth' ? stored.auth.clientSecret : '';
  }
  if (auth.kind === 'forms' && auth.password === MASK) {
    auth.password = stored.auth.kind === 'forms' ? stored.auth.password : '';
  }
  const webhookToken = body.webhookToken === undefined || body.webhookToken === MASK ? stored.webhookToken : body.webhookToken;
  return { ...body, auth, webhookToken };
}

/** The webhook URL with its token (the last path segment) masked: printable. */
export function maskWebhookUrl(url: string): string {
  return url.replace(/\/[^/]*$/, `/${MASK}`);
}
