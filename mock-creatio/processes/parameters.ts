import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import type { PathPlan, PlanResult, RecordSource } from './record-path';
import { isEmptyValue, planPath, readPath } from './record-path';

/**
 * `[#...#]` parameter references in a "Call web service" body (reference/creatio-api.md §4.2),
 * resolved against the record that fired the signal and what it links to:
 * - `[#RecordId#]`, `[#<Signal>.RecordId#]`: the record's Id (the signal's output parameter, §4.1);
 * - `[#<Column>#]`: the record's own column (`[#Subject#]`, `[#StatusId#]`);
 * - `[#<Entity>.<Column>#]` where Entity is the signal's object: the record's column (`[#Case.Id#]`
 *   on a Case signal);
 * - `[#<Nav or Entity>.<Column>#]` where it names one of the record's lookups (by navigation
 *   property, or by the entity it points at when only one lookup does): the linked record's column.
 *   The seed's `[#Case.Id#]` on an Activity signal resolves through the activity's CaseId;
 * - longer dotted paths follow lookups further: `[#Case.Status.Name#]`.
 * A reference that resolves to nothing is an error of the run, never an empty string sent.
 */
export const REFERENCE = /\[#([^\]#]*)#\]/g;

/** Every distinct reference in a template, in order of first appearance. */
export function listReferences(template: string): string[] {
  return [...new Set([...template.matchAll(REFERENCE)].map((m) => m[1]!.trim()))];
}

/** Plans one reference against the schema (no data needed). */
export function planReference(model: SchemaModel, entity: string, reference: string): PlanResult {
  const segments = reference.split('.').map((s) => s.trim());
  if (segments.some((s) => s === '')) return { ok: false, message: `'${reference}' is not a parameter reference` };
  if (!model.entity(entity)) return { ok: false, message: `unknown object '${entity}'` };
  const last = segments[segments.length - 1]!;
  if (last === 'RecordId' && segments.length <= 2) return planPath(model, entity, ['Id']);
  const [first, ...rest] = segments as [string, ...string[]];
  if (rest.length === 0) return planPath(model, entity, segments);
  if (first === entity) return planPath(model, entity, rest);
  if (model.navigation(entity, first)) return planPath(model, entity, segments);
  const def = model.entity(entity)!;
  const pointing = def.columns.filter((c) => c.lookup?.entity === first);
  if (pointing.length === 1) return planPath(model, entity, [pointing[0]!.name, ...rest]);
  if (pointing.length > 1) {
    return { ok: false, message: `'${reference}': ${entity} has several lookups to ${first} (${pointing.map((c) => c.lookup!.nav).join(', ')}); name one` };
  }
  return { ok: false, message: `'${reference}' names nothing on ${entity}: not a column, a lookup, nor ${entity} itself` };
}

export function isJsonContentType(contentType: string): boolean {
  return /^[\w.+-]+\/([\w.-]+\+)?json\b/i.test(contentType.trim());
}

/** Escapes a value for where it sits in the template: inside a JSON string, or as is. */
function format(value: string | number | boolean, json: boolean): string {
  const text = String(value);
  return json ? JSON.stringify(text).slice(1, -1) : text;
}

export interface ResolveInput {
  model: SchemaModel;
  store: RecordSource;
  entity: string;
  record: EntityRecord;
  template: string;
  contentType: string;
}

export type Resolved =
  | { ok: true; body: string; parameters: Record<string, string> }
  | { ok: false; errors: string[]; parameters: Record<string, string> };

/** Fills every reference from the record and the store; any that resolves to nothing fails the run. */
export function resolveTemplate(input: ResolveInput): Resolved {
  const parameters: Record<string, string> = {};
  const errors: string[] = [];
  for (const reference of listReferences(input.template)) {
    const planned = planReference(input.model, input.entity, reference);
    if (!planned.ok) {
      errors.push(`[#${reference}#]: ${planned.message}`);
      continue;
    }
    const read = readPath(input.store, planned.plan, input.record);
    if (!read.ok) errors.push(`[#${reference}#]: ${read.message}`);
    else if (isEmptyValue(read.value)) errors.push(`[#${reference}#]: ${describe(planned.plan)} is empty`);
    else parameters[reference] = String(read.value);
  }
  if (errors.length > 0) return { ok: false, errors, parameters };
  const json = isJsonContentType(input.contentType);
  const body = input.template.replace(REFERENCE, (_m, ref: string) => format(parameters[ref.trim()]!, json));
  return { ok: true, body, parameters };
}

/** A sample GUID that fills GUID references when a process is checked before it runs. */
export const SAMPLE_GUID = 'c5e1ab00-5a3f-4e00-8000-000000000001';

/** Fills every reference with a sample of its column's type (GUIDs for Ids and lookups). */
export function fillWithSamples(model: SchemaModel, entity: string, template: string, contentType: string) {
  const errors: { reference: string; message: string }[] = [];
  const json = isJsonContentType(contentType);
  const text = template.replace(REFERENCE, (_m, raw: string) => {
    const planned = planReference(model, entity, raw.trim());
    if (!planned.ok) {
      errors.push({ reference: raw.trim(), message: planned.message });
      return '';
    }
    const type = planned.plan.column.type;
    const sample = type === 'Edm.Guid' ? SAMPLE_GUID : type === 'Edm.DateTimeOffset' ? '2026-01-01T00:00:00.0000000Z'
      : type === 'Edm.Boolean' ? 'true' : type === 'Edm.String' ? 'sample "text"' : '1';
    return format(sample, json);
  });
  return { text, errors };
}

function describe(plan: PathPlan): string {
  return [plan.entity, ...plan.hops.map((h) => h.lookup!.nav), plan.column.name].join('.');
}
