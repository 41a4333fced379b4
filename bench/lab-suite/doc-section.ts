/**
 * A named section of docs/performance.md between `<!-- bench:<name>:start -->` and `...:end -->`:
 * a run that measures one suite replaces only its own section and keeps the others as they were.
 */
const markers = (name: string) => ({ start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` });

/** The section (markers included), or '' when the doc has none. */
export function extractSection(doc: string, name: string): string {
  const { start, end } = markers(name);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end, from);
  return from >= 0 && to >= 0 ? doc.slice(from, to + end.length) : '';
}

/** `doc` with the section replaced by `body` wrapped in its markers (appended when absent). */
export function mergeSection(doc: string, name: string, body: string): string {
  const { start, end } = markers(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const current = extractSection(doc, name);
  if (current) return doc.replace(current, () => section);
  return `${doc.trimEnd()}\n\n${section}\n`;
}
