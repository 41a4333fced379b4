/** "did you mean ...?" for misspelt step actions and option names. */

/** Up to three known names close to `word` (edit distance, or one contains the other), closest first. */
export function closeNames(word: string, known: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.round(lower.length / 3));
  return known
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= limit || (lower.length >= 3 && name.toLowerCase().includes(lower)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}

/** ` — did you mean 'say'?` / ` — did you mean 'say' or 'start'?`, or '' when nothing is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const names = closeNames(word, known).map((name) => `'${name}'`);
  if (names.length === 0) return '';
  const last = names.pop();
  return ` — did you mean ${names.length ? `${names.join(', ')} or ${last}` : last}?`;
}

/** Levenshtein distance, counting a swap of two neighbours as one edit (a common typo). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
