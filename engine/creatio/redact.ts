import { EngineError, toEngineError } from '../engine-error';

const MASK = '***';
/** Values this short are too likely to occur by chance in ordinary text; real secrets are longer. */
const MIN_SECRET_LENGTH = 4;

function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(MASK);
  return result;
}

/**
 * A last line of defence (conventions.md "Secrets"): messages are built never to hold a secret, but
 * Creatio's own error text is quoted in them, so every secret the client holds is masked anyway.
 */
export function redactError(error: unknown, secrets: readonly string[]): EngineError {
  const engineError = toEngineError(error);
  const live = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const message = scrub(engineError.message, live);
  let changed = message !== engineError.message;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(engineError.details)) {
    const clean = typeof value === 'string' ? scrub(value, live) : value;
    if (clean !== value) changed = true;
    details[key] = clean;
  }
  if (!changed) return engineError;
  return new EngineError(engineError.code, message, details, { cause: engineError.cause });
}
