import MiniSearch from 'minisearch';
import type { FieldOption } from './field-options';
import { STOP_WORDS } from './stop-words';

export type OptionPick = { label: string; score: number; evidence: string[] } | { problem: string };

/**
 * Picks the dropdown value the conversation supports best: a minisearch index over the options
 * (label weighs twice its explanation), queried with the customer's text. An option counts only
 * with evidence: a matched word that not every option shares (words every option has, like
 * "issue" in each explanation, tell them apart no better than nothing). Highest score wins; an
 * exact tie goes to the option listed first. No evidence for any option: a problem, never a guess.
 */
export function pickOption(options: readonly FieldOption[], customerText: string): OptionPick {
  if (options.length === 0) {
    return { problem: 'the description lists no values (write them as "Critical / High / Medium / Low" or one "- Value: meaning" per line)' };
  }
  const index = new MiniSearch<{ id: number; label: string; explanation: string }>({
    fields: ['label', 'explanation'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
    },
    searchOptions: {
      boost: { label: 2, explanation: 1 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(options.map((option, id) => ({ id, label: option.label, explanation: option.explanation })));

  const results = index.search(customerText);
  const termsPerOption = new Map(results.map((result) => [result.id as number, result.terms]));
  const sharedByAll = (term: string): boolean =>
    options.length > 1 && options.every((_, id) => termsPerOption.get(id)?.includes(term) ?? false);

  let best: { id: number; score: number; evidence: string[] } | undefined;
  for (const result of results) {
    const id = result.id as number;
    const evidence = result.terms.filter((term) => !sharedByAll(term)).sort();
    if (evidence.length === 0) continue;
    if (!best || result.score > best.score || (result.score === best.score && id < best.id)) {
      best = { id, score: result.score, evidence };
    }
  }
  const option = best ? options[best.id] : undefined;
  if (!best || !option) {
    return { problem: `no value of ${options.map((o) => `"${o.label}"`).join(', ')} matches the conversation` };
  }
  return { label: option.label, score: Math.round(best.score * 1000) / 1000, evidence: best.evidence };
}
