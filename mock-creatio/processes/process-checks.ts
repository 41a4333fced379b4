import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import { EMPTY_GUID } from '../schema/schema.types';
import { isGuid } from '../schema/values';
import type { RecordSource } from './record-path';
import { matchesFilter } from './filter-match';
import { fillWithSamples, isJsonContentType, SAMPLE_GUID } from './parameters';
import type { BusinessProcess, Condition, FilterGroup } from './process.schema';
import { isGroup } from './process.schema';
import { planPath } from './record-path';

/** One problem found by the checks, with where it is (`callWebService.body`, `signal.filter.conditions.0.column`). */
export interface Issue {
  path: string;
  message: string;
}

export interface CheckResult {
  /** Problems that block saving and running. */
  errors: Issue[];
  /** Worth knowing, but the process may be saved and run. */
  warnings: Issue[];
}

/** The event types the engine's webhook receiver knows (seed-case-sync.md, "Webhook event reference"). */
export const KNOWN_EVENT_TYPES = ['new_activity', 'case_closed', 'case_updated'] as const;

/** ActivityType Task: the engine's default transcript type (engine settings `transcriptActivityTypeId`). */
const TRANSCRIPT_TYPE_TASK = 'fbe0acdc-cfc0-df11-b00f-001d60e938c6';

type ProcessLike = Pick<BusinessProcess, 'signal' | 'callWebService'>;

/** Checks a process before it is saved or run (issue 4, "Checks on a process"). */
export function checkProcess(process: ProcessLike, ctx: { model: SchemaModel; store?: RecordSource }): CheckResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const { signal, callWebService: call } = process;
  if (!ctx.model.entity(signal.entity)) {
    errors.push({ path: 'signal.entity', message: `unknown object '${signal.entity}'` });
    return { errors, warnings };
  }
  signal.changedColumns?.forEach((column, i) => {
    if (!ctx.model.column(signal.entity, column)) errors.push({ path: `signal.changedColumns.${i}`, message: `${signal.entity} has no column '${column}'` });
  });
  if (signal.changedColumns && signal.event !== 'modified') {
    errors.push({ path: 'signal.changedColumns', message: "changed columns apply only to the 'modified' event" });
  }
  if (signal.filter) checkFilter(ctx.model, signal.entity, signal.filter, 'signal.filter', errors);
  checkUrl(call.url, errors);
  if (!isJsonContentType(call.contentType)) {
    errors.push({ path: 'callWebService.contentType', message: `'${call.contentType}': the webhook receiver takes application/json only` });
  }
  checkBody(ctx.model, signal.entity, call.body, call.contentType, errors);
  if (errors.length === 0 && echoes(process, ctx)) {
    warnings.push({
      path: 'signal.filter',
      message: "echo traffic: the filter also matches the engine's own transcript activities (Task with a case), so every logged customer message would fire it; filter on Type = Email, or on something the engine never writes",
    });
  }
  return { errors, warnings };
}

function checkFilter(model: SchemaModel, entity: string, group: FilterGroup, path: string, errors: Issue[]): void {
  group.conditions.forEach((item: Condition | FilterGroup, i) => {
    const at = `${path}.conditions.${i}`;
    if (isGroup(item)) return checkFilter(model, entity, item, at, errors);
    const planned = planPath(model, entity, item.column.split('/'));
    if (!planned.ok) errors.push({ path: `${at}.column`, message: `unknown column '${item.column}': ${planned.message}` });
    const needsValue = item.op === 'eq' || item.op === 'ne' || item.op === 'contains';
    if (needsValue && item.value === undefined) errors.push({ path: `${at}.value`, message: `'${item.op}' needs a value` });
  });
}

function checkUrl(url: string, errors: Issue[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    errors.push({ path: 'callWebService.url', message: 'not a valid URL' });
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    errors.push({ path: 'callWebService.url', message: `scheme '${parsed.protocol}' (http or https expected)` });
  }
}

/** The body, filled with sample values, must be the JSON object the receiver validates. */
function checkBody(model: SchemaModel, entity: string, template: string, contentType: string, errors: Issue[]): void {
  const path = 'callWebService.body';
  const filled = fillWithSamples(model, entity, template, contentType);
  for (const e of filled.errors) errors.push({ path, message: `[#${e.reference}#]: ${e.message}` });
  if (filled.errors.length > 0) return;
  let body: unknown;
  try {
    body = JSON.parse(filled.text);
  } catch (err) {
    errors.push({ path, message: `not valid JSON once parameters are filled (${err instanceof Error ? err.message : String(err)})` });
    return;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    errors.push({ path, message: 'a JSON object {"event_type": ..., "caseId": ...} is expected' });
    return;
  }
  const { event_type: eventType, caseId } = body as Record<string, unknown>;
  if (!(KNOWN_EVENT_TYPES as readonly unknown[]).includes(eventType)) {
    errors.push({ path: `${path}.event_type`, message: `${JSON.stringify(eventType ?? null)} is not an event type the receiver knows (${KNOWN_EVENT_TYPES.join(', ')})` });
  }
  if (typeof caseId !== 'string' || !isGuid(caseId)) {
    errors.push({ path: `${path}.caseId`, message: `must resolve to a GUID string (got ${JSON.stringify(caseId ?? null)} with sample values)` });
  }
}

/** Would the signal fire for an activity shaped like the engine's transcript (Task, linked to a case)? */
function echoes(process: ProcessLike, ctx: { model: SchemaModel; store?: RecordSource }): boolean {
  const { signal } = process;
  if (signal.entity !== 'Activity' || signal.event !== 'added') return false;
  const sample: EntityRecord = { Id: SAMPLE_GUID };
  for (const column of ctx.model.entity('Activity')?.columns ?? []) {
    if (column.default?.kind === 'value') sample[column.name] = column.default.value;
    else if (column.type === 'Edm.Guid') sample[column.name] = EMPTY_GUID;
    else if (column.type === 'Edm.String') sample[column.name] = '';
  }
  Object.assign(sample, { TypeId: TRANSCRIPT_TYPE_TASK, CaseId: SAMPLE_GUID, Title: 'Customer message', Body: 'Hello' });
  return matchesFilter(signal.filter, sample, { model: ctx.model, store: ctx.store, entity: 'Activity' });
}
