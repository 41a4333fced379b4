import { detect } from 'tinyld';

/**
 * Language of the customer's text as a BCP-47 primary tag (reference §5.6 `handoffLanguage`).
 * tinyld returns ISO 639-1 codes, which are valid BCP-47 primary language subtags, and is the
 * better of the two installed detectors on chat-length text (franc-min answers "und" below ~10
 * words and confuses Spanish with Portuguese). When it cannot tell ("ok", "refund", no text),
 * the answer is `fallback` ('en' by default: the lab's helpdesk language).
 */
export function detectLanguage(text: string, fallback = 'en'): string {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  const code = detect(trimmed);
  return /^[a-z]{2,3}$/.test(code) ? code : fallback;
}
