import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from './ai-config';
import { STOP_WORDS } from './stop-words';

export interface KnowledgeMatch {
  entry: KnowledgeEntry;
  score: number;
}

export interface KnowledgeBase {
  /** The best entry for a customer message when its score reaches `minScore`, else undefined. */
  match(message: string): KnowledgeMatch | undefined;
}

/**
 * A minisearch index over the knowledge base. Questions weigh three times the answers (a customer
 * phrases things like the question); prefix search from 4 letters ("refund" → "refunds") and
 * fuzzy search from 6 letters ("pasword" → "password") forgive endings and typos without letting
 * "can" reach "cancel". Stop words are dropped at index and query time (minisearch's documented
 * `processTerm` pattern), or "What is the weather?" would score on "what" and "the".
 * Search is deterministic: the same index and query give the same ranking; ties go to the entry
 * listed first.
 */
export function createKnowledgeBase(entries: readonly KnowledgeEntry[], minScore: number): KnowledgeBase {
  const index = new MiniSearch<{ id: number; question: string; answer: string }>({
    fields: ['question', 'answer'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
    },
    searchOptions: {
      boost: { question: 3, answer: 1 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(entries.map((entry, id) => ({ id, question: entry.question, answer: entry.answer })));

  return {
    match(message) {
      const results = index.search(message);
      let best: { id: number; score: number } | undefined;
      for (const result of results) {
        const id = result.id as number;
        if (!best || result.score > best.score || (result.score === best.score && id < best.id)) best = { id, score: result.score };
      }
      if (!best || best.score < minScore) return undefined;
      const entry = entries[best.id];
      return entry ? { entry, score: Math.round(best.score * 1000) / 1000 } : undefined;
    },
  };
}
