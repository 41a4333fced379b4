import { createHash, hash, randomBytes as cryptoRandomBytes, timingSafeEqual } from 'node:crypto';

/** Source of random bytes; injectable so tests can predict cookie and token values. */
export type RandomBytes = (n: number) => Buffer;

export const defaultRandomBytes: RandomBytes = (n) => cryptoRandomBytes(n);

/** Fixed-length digest of a secret: lets us compare in constant time and key maps without the raw value. */
export function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Map key for a secret (session cookie, bearer token): the hex digest, never the secret itself.
 * One-shot `hash` (no Hash object): it runs on every authenticated request.
 */
export function secretKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/**
 * Constant-time string comparison. Both sides are hashed first so the buffers always have equal length
 * and the time taken does not reveal the length or a matching prefix.
 */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Random opaque value, URL- and cookie-safe (base64url). */
export function randomToken(random: RandomBytes, bytes: number): string {
  return random(bytes).toString('base64url');
}

/** Random upper-case hex, the look of a real `.ASPXAUTH` forms ticket. */
export function randomHex(random: RandomBytes, bytes: number): string {
  return random(bytes).toString('hex').toUpperCase();
}
