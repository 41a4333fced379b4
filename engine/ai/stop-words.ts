/**
 * Function words that carry no topic, dropped from the knowledge-base index and queries: the
 * pattern minisearch documents for `processTerm`. The default knowledge base is English, so the
 * list is English. (The npm package `stopword` has such lists for 62 languages; it would replace
 * this file if knowledge bases in other languages are wanted.)
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'after', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by',
  'can', 'could', 'did', 'do', 'does', 'for', 'from', 'get', 'got', 'had', 'has', 'have', 'hello', 'hi', 'how',
  'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'me', 'my', 'need', 'no', 'not', 'of', 'on', 'or', 'our', 'please',
  'so', 'some', 'that', 'the', 'their', 'them', 'then', 'there', 'this', 'to', 'too', 'us', 'want', 'was',
  'we', 'were', 'what', 'when', 'where', 'which', 'who', 'why', 'will', 'with', 'would', 'you', 'your',
]);
