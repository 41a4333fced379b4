/**
 * Faults of the simulated site through its admin API over HTTP (docs/admin-api.md): `PUT/DELETE
 * /__lab/faults`, `POST /__lab/auth/expire-sessions` and `/__lab/auth/revoke-tokens`.
 */
import { clip, type StepOptions, type StepRun, StepFailure } from './step-context';

async function admin(siteUrl: string, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${siteUrl}/__lab/${path}`, {
    method,
    ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new StepFailure(`${method} /__lab/${path} answered ${response.status}: ${clip(await response.text(), 200)}`);
}

/** The admin API's fault body for the step's options; undefined when the step sets no fault (only expiry). */
export function faultBody(options: StepOptions<'fault'>): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  if (options.down !== undefined) body.downForMs = Math.max(1, options.down);
  if (options.downMode !== undefined) body.downMode = options.downMode;
  if (options.errorRate !== undefined) body.errorRate = options.errorRate;
  if (options.errorStatus !== undefined) body.errorStatus = options.errorStatus;
  if (options.retryAfter !== undefined) body.retryAfterSeconds = Math.ceil(options.retryAfter / 1000);
  if (options.cutOffRate !== undefined) body.cutOffRate = options.cutOffRate;
  if (options.latency !== undefined) body.latencyMs = options.latency;
  if (options.seed !== undefined) body.seed = options.seed;
  return Object.keys(body).length > 0 ? body : undefined;
}

export const fault: StepRun<'fault'> = async (ctx, options) => {
  const site = ctx.lab.urls.creatio;
  const body = faultBody(options);
  if (!body && !options.expireSessions && !options.revokeTokens) throw new StepFailure('a fault step needs at least one fault (down, errorRate, cutOffRate, latency, expireSessions, revokeTokens)');
  if (body) await admin(site, 'PUT', 'faults', body);
  if (options.expireSessions) await admin(site, 'POST', 'auth/expire-sessions');
  if (options.revokeTokens) await admin(site, 'POST', 'auth/revoke-tokens');
};

export const clearFaults: StepRun<'clear-faults'> = async (ctx) => {
  await admin(ctx.lab.urls.creatio, 'DELETE', 'faults');
};
