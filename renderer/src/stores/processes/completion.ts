/**
 * `[#...#]` completion in the body template (docs/admin-api.md, "Body parameters"): typing `[#` offers
 * `RecordId`, the signal object's columns and its lookups; a lookup followed by `.` offers the linked
 * object's columns and lookups (`[#Case.Status.Name#]`). Pure: the text, the caret and the model in,
 * the suggestions and what each inserts out.
 */
import { lookupOf, type EntityModel } from './entity-model';

export interface Suggestion {
  /** What the list shows and what is typed after the last `.`. */
  label: string;
  /** `Edm.String`, `lookup → Case`... */
  detail: string;
  /** True for a lookup: choosing it types `Label.` and completion goes on. */
  continues: boolean;
}

export interface Completion {
  /** Where the reference's text starts (just after `[#`). */
  start: number;
  /** Where the part being completed starts (after the last `.`). */
  from: number;
  /** What was typed of that part. */
  typed: string;
  options: Suggestion[];
}

/** The open reference at the caret (`[#Case.St|`), or null when the caret is not inside one. */
export function completionAt(text: string, caret: number, model: EntityModel, entity: string): Completion | null {
  const open = text.lastIndexOf('[#', caret);
  if (open < 0 || caret < open + 2) return null;
  const inside = text.slice(open + 2, caret);
  if (!/^[\w.]*$/.test(inside)) return null;
  const segments = inside.split('.');
  const typed = segments.pop()!;
  const target = resolveSegments(model, entity, segments);
  if (!target) return null;
  const options = suggestionsFor(model, target, { top: segments.length === 0, entity })
    .filter((s) => s.label.toLowerCase().startsWith(typed.toLowerCase()));
  return { start: open + 2, from: caret - typed.length, typed, options };
}

/** Where the segments typed so far lead: the signal's object itself, a lookup, or an object a lookup points at. */
function resolveSegments(model: EntityModel, entity: string, segments: string[]): string | undefined {
  let current = entity;
  for (const [i, segment] of segments.entries()) {
    if (i === 0 && segment === entity) continue;
    const lookup = lookupOf(model, current, segment) ?? (i === 0 ? singleLookupTo(model, current, segment) : undefined);
    if (!lookup) return undefined;
    current = lookup.target;
  }
  return model[current] ? current : undefined;
}

/** `[#Contact.Name#]` may name the object a lookup points at, when only one lookup does (the site's rule). */
function singleLookupTo(model: EntityModel, entity: string, target: string) {
  const pointing = model[entity]?.lookups.filter((l) => l.target === target) ?? [];
  return pointing.length === 1 ? pointing[0] : undefined;
}

function suggestionsFor(model: EntityModel, entity: string, where: { top: boolean; entity: string }): Suggestion[] {
  const info = model[entity]!;
  const lookups = info.lookups.map((l) => ({ label: l.nav, detail: `lookup → ${l.target}`, continues: true }));
  const columns = info.columns.map((c) => ({ label: c.name, detail: c.type.replace(/^Edm\./, ''), continues: false }));
  const top = where.top ? [{ label: 'RecordId', detail: `the ${where.entity}'s Id`, continues: false }] : [];
  return [...top, ...lookups, ...columns];
}

/** The text once `choice` is taken: a column closes the reference (`#]`), a lookup types `Nav.`. */
export function applySuggestion(text: string, caret: number, completion: Completion, choice: Suggestion): { text: string; caret: number } {
  const after = text.slice(caret);
  const closes = !choice.continues && !after.startsWith('#]');
  const insert = `${choice.label}${choice.continues ? '.' : closes ? '#]' : ''}`;
  const next = `${text.slice(0, completion.from)}${insert}${after}`;
  const position = completion.from + insert.length + (!choice.continues && !closes ? 2 : 0);
  return { text: next, caret: position };
}
