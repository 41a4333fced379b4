/**
 * Randomness for the lab's parts: the engine's Random port (floats and v4-shaped GUIDs) and the
 * chat's entry ids. With a seed, a small PRNG (mulberry32) makes two runs of the same steps draw
 * the same values, so conversation and case ids repeat (issue 5, "Determinism"); without one,
 * node:crypto. Each part gets its own stream, so one part drawing more never shifts another's ids.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Random } from '../engine';

export interface LabRandom extends Random {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
}

/** mulberry32: a 32-bit state PRNG, plenty for ids and jitter (not for secrets). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Formats 16 bytes as a lowercase GUID with the v4 version and RFC 4122 variant bits set. */
function toUuid(b: Uint8Array): string {
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A seeded stream: the same seed and stream name give the same values. */
export function createSeededRandom(seed: number, stream: string): LabRandom {
  // Mix the stream name into the seed (FNV-1a), so the engine's and the chat's streams differ.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of stream) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const next = mulberry32(hash);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
  return { next, bytes, uuid: () => toUuid(bytes(16)) };
}

/** Crypto randomness (no seed). */
export function createCryptoRandom(): LabRandom {
  return {
    next: () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48,
    bytes: (n) => new Uint8Array(randomBytes(n)),
    uuid: () => randomUUID(),
  };
}

/** The seeded stream when a seed is given, else crypto. */
export function labRandom(seed: number | undefined, stream: string): LabRandom {
  return seed === undefined ? createCryptoRandom() : createSeededRandom(seed, stream);
}

/** A secret token of `bytes` crypto-random bytes, base64url (never from a seed: a seed is not a secret). */
export function secretToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
