/**
 * Token comparison in constant time (issue 4: "compared in constant time"), in plain JS because the
 * engine may not import node:crypto. Every char code of the secret is XOR-compared and accumulated,
 * with no early exit; a candidate of another length is answered by comparing the secret with itself
 * (same work) and failing, so the time tells nothing but the secret's length, which is public (≥ 22).
 */
export function constantTimeEqual(candidate: string, secret: string): boolean {
  const sameLength = candidate.length === secret.length;
  const other = sameLength ? candidate : secret;
  let diff = sameLength ? 0 : 1;
  for (let i = 0; i < secret.length; i += 1) diff |= secret.charCodeAt(i) ^ other.charCodeAt(i);
  return diff === 0;
}
