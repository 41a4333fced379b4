/** The engine's settings: read (masked), save, Test & Save, the webhook URL and its rotation. */
import { Router } from 'express';
import { EngineSettings } from '../../engine';
import { EngineSettingsBody, type Problem } from '../../contract';
import type { Lab } from '../lab.types';
import { badRequest, toProblems } from './api-error';
import { maskSettings, maskWebhookUrl, unmaskSettings } from './settings-secrets';

/**
 * The contract's shape and the engine's own rules (URL without a trailing slash, GUIDs...): every
 * problem of both is reported at once, one per field.
 */
function validSettings(lab: Lab, raw: unknown): EngineSettings {
  const shape = EngineSettingsBody.safeParse(raw ?? {});
  const problems: Problem[] = shape.success ? [] : toProblems(shape.error);
  const candidate = shape.success ? shape.data : (raw as EngineSettingsBody);
  const isObject = typeof candidate === 'object' && candidate !== null && typeof candidate.auth === 'object' && candidate.auth !== null;
  const result = isObject ? EngineSettings.safeParse(unmaskSettings(candidate, lab.settings())) : undefined;
  if (result && !result.success) {
    for (const problem of toProblems(result.error)) if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  if (problems.length > 0 || !result?.success) throw badRequest(problems, 'The settings');
  return result.data;
}

export function settingsRouter(lab: Lab): Router {
  const router = Router();

  router.get('/settings', (_req, res) => {
    res.json(maskSettings(lab.settings()));
  });

  router.put('/settings', async (req, res) => {
    res.json(maskSettings(await lab.updateSettings(validSettings(lab, req.body))));
  });

  // No body (or `{}`): test what is saved. Problems use the API's one shape {field, problem}.
  router.post('/settings/test', async (req, res) => {
    const empty = req.body === undefined || (typeof req.body === 'object' && Object.keys(req.body as object).length === 0);
    const candidate = empty ? lab.settings() : validSettings(lab, req.body);
    const result = await lab.engine.testSettings(candidate);
    res.json({ ok: result.ok, problems: result.problems.map((p) => ({ field: p.field, problem: p.message })) });
  });

  router.get('/settings/webhook-url', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ url: lab.webhookUrl() });
  });

  // The lab saves the new token and re-points the site's processes that called the old URL.
  router.post('/settings/rotate-webhook-token', async (_req, res) => {
    await lab.rotateWebhookToken();
    res.json({ webhookUrl: maskWebhookUrl(lab.webhookUrl()) });
  });

  return router;
}
