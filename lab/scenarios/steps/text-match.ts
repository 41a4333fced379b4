/** The text matchers of expectations (`text` exact, `contains`, `matches` a regular expression). */
import { StepFailure } from './step-context';

export interface TextMatch {
  text?: string | undefined;
  contains?: string | undefined;
  matches?: string | undefined;
}

/** A predicate for the matchers (all that are given must hold); a bad regular expression fails the step. */
export function textMatcher(match: TextMatch): (text: string) => boolean {
  let pattern: RegExp | undefined;
  if (match.matches !== undefined) {
    try {
      pattern = new RegExp(match.matches, 'u');
    } catch (error) {
      throw new StepFailure(`\`matches\` is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return (text) =>
    (match.text === undefined || text === match.text) &&
    (match.contains === undefined || text.includes(match.contains)) &&
    (pattern === undefined || pattern.test(text));
}

/** The matchers in words: ` "exact"`, ` containing "x"`, ` matching /re/`, or '' when none. */
export function describeTextMatch(match: TextMatch): string {
  const parts: string[] = [];
  if (match.text !== undefined) parts.push(`"${match.text}"`);
  if (match.contains !== undefined) parts.push(`containing "${match.contains}"`);
  if (match.matches !== undefined) parts.push(`matching /${match.matches}/`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}
