/** Small text helpers shared by the simulated AI: normalising, word tokens, trimming. */

/** Lower case, accents and Arabic hamza/diacritics removed (NFD, marks dropped): "Mitarbeiter", "إنسان" → "mitarbeiter", "انسان". */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a text after `normalize`: runs of letters and digits in any script. */
export function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The words of configured phrases (handoff requests, topics): a few hundred strings asked about on
 * every message, so each is split once. Bounded, in case a caller passes unbounded text.
 */
const phraseWordCache = new Map<string, readonly string[]>();
function wordsOfPhrase(phrase: string): readonly string[] {
  let cached = phraseWordCache.get(phrase);
  if (!cached) {
    if (phraseWordCache.size >= 10_000) phraseWordCache.clear();
    cached = words(phrase);
    phraseWordCache.set(phrase, cached);
  }
  return cached;
}

/** True when `phrase`'s words occur in `textWords` consecutively; the last word may carry an ending ("lawyer" → "lawyers"). */
export function containsPhrase(textWords: readonly string[], phrase: string, options: { allowEnding: boolean }): boolean {
  const phraseWords = wordsOfPhrase(phrase);
  if (phraseWords.length === 0) return false;
  for (let start = 0; start + phraseWords.length <= textWords.length; start += 1) {
    const matches = phraseWords.every((word, offset) => {
      const candidate = textWords[start + offset] ?? '';
      const isLast = offset === phraseWords.length - 1;
      return candidate === word || (options.allowEnding && isLast && word.length >= 4 && candidate.startsWith(word));
    });
    if (matches) return true;
  }
  return false;
}

/** One line, single spaces: summaries and field values must be one paragraph. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Trims to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A question mark in Latin, Spanish or Arabic script. */
export function hasQuestionMark(text: string): boolean {
  return /[?¿؟]/.test(text);
}
