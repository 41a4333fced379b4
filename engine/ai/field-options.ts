/**
 * Reads the allowed values out of a dropdown AI field's description (reference §5.3: "the AI only
 * picks from values listed in the description"). Formats understood, tried in this order:
 *  1. one value per line or per `;`: "- Critical: site down", "Critical = outage", "2) High – ..."
 *     (at least two such lines; the text after the separator explains the value);
 *  2. a list after "one of", "options", "values", "choose from": "one of: Billing, Shipping or Returns";
 *  3. a slash or pipe list: "Critical / High / Medium / Low", "Billing | Shipping".
 * Labels are kept exactly as written (trimmed), so the value returned is always one listed.
 */
export interface FieldOption {
  label: string;
  /** The description's words about this value ("" for plain lists). */
  explanation: string;
}

const MAX_LABEL_WORDS = 4;
const MAX_LABEL_CHARS = 40;

function cleanLabel(raw: string): string | undefined {
  const label = raw.trim().replace(/^["'“‘«]+|["'”’».]+$/gu, '').trim();
  if (label === '' || label.length > MAX_LABEL_CHARS) return undefined;
  if (label.split(/\s+/).length > MAX_LABEL_WORDS || !/[\p{L}\p{N}]/u.test(label)) return undefined;
  return label;
}

function parsePairLine(line: string): FieldOption | undefined {
  const text = line.replace(/^\s*(?:[-*•–]|\d{1,2}[.)])\s+/u, '').trim();
  // '=' is the strongest separator ("Values: Critical = outage"), then ':', then a spaced dash.
  const match = /^(.+?)\s*=\s*(.+)$/u.exec(text) ?? /^(.+?)\s*:\s*(.+)$/u.exec(text) ?? /^(.+?)\s+[-–—]\s+(.+)$/u.exec(text);
  if (!match) return undefined;
  // "Urgency of the issue. Critical = ..." or "Values: Critical = ...": the label is the last clause.
  const rawLabel = (match[1] ?? '').split(/[.:!?]\s+|:/u).at(-1) ?? '';
  const label = cleanLabel(rawLabel);
  return label ? { label, explanation: (match[2] ?? '').trim() } : undefined;
}

function parsePairs(description: string): FieldOption[] {
  const options = description
    .split(/\n|;/u)
    .map(parsePairLine)
    .filter((option): option is FieldOption => option !== undefined);
  return options.length >= 2 ? options : [];
}

function toPlainOptions(items: readonly string[]): FieldOption[] {
  const labels = items.map(cleanLabel).filter((label): label is string => label !== undefined);
  return labels.length >= 2 ? labels.map((label) => ({ label, explanation: '' })) : [];
}

function parseIntroducedList(description: string): FieldOption[] {
  const match = /\b(?:one of|options?|values?|choose from|pick from|possible values|allowed values)\b\s*(?:are|is)?\s*[:-]?\s*([^\n]+)/iu.exec(description);
  if (!match) return [];
  const list = (match[1] ?? '').replace(/[.]\s*$/u, '');
  // "Values: Critical = site down, High = broken": pairs separated by commas.
  const pairs = list.split(/\s*,\s*/u).map(parsePairLine);
  if (pairs.length >= 2 && pairs.every((pair) => pair !== undefined)) return pairs as FieldOption[];
  return toPlainOptions(list.split(/\s*(?:,|\||\/|\bor\b|\band\b)\s*/iu));
}

/** "Priority by urgency Critical / High / Medium / Low." → the first and last items are cut to the others' word count. */
function parseSeparatedList(description: string): FieldOption[] {
  for (const line of description.split('\n')) {
    const separator = line.includes('/') ? '/' : line.includes('|') ? '|' : undefined;
    if (!separator) continue;
    const items = line.split(separator).map((item) => item.trim().replace(/[.:]+$/u, ''));
    if (items.length < 2) continue;
    const inner = items.slice(1, -1);
    const width = inner.length > 0 ? Math.max(...inner.map((item) => item.split(/\s+/).length)) : 1;
    const first = (items[0] ?? '').split(/[.:]\s*/u).at(-1) ?? '';
    items[0] = first.split(/\s+/).slice(-width).join(' ');
    items[items.length - 1] = (items.at(-1) ?? '').split(/\s+/).slice(0, width).join(' ');
    const options = toPlainOptions(items);
    if (options.length >= 2) return options;
  }
  return [];
}

/** The values a dropdown description lists, in the order listed; [] when it lists none. */
export function parseFieldOptions(description: string): FieldOption[] {
  const strategies = [parsePairs, parseIntroducedList, parseSeparatedList];
  for (const strategy of strategies) {
    const options = strategy(description);
    if (options.length > 0) return dedupe(options);
  }
  return [];
}

function dedupe(options: readonly FieldOption[]): FieldOption[] {
  const seen = new Set<string>();
  return options.filter((option) => (seen.has(option.label) ? false : (seen.add(option.label), true)));
}
