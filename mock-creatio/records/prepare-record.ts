import { randomUUID } from 'node:crypto';
import type { ColumnDef, EntityDef, EntityRecord } from '../schema/schema.types';
import { EMPTY_GUID } from '../schema/schema.types';
import { emptyValue, isEmptyValue } from '../schema/empty-values';
import { checkCaseStatusChange } from './case-rules';
import { toColumnValue } from './column-value';
import {
  columnRequired, foreignKeyViolation, keyChanged, navigationInBody, notAnObject, undeclaredProperty,
} from './record-errors';
import type { WriteContext } from './write-context';

type Value = string | number | boolean;

/**
 * The record a POST creates (reference/creatio-api.md §1.5): the body's columns converted to their
 * canonical form, every other column from its default or empty, system columns set by the server.
 * Throws ODataHttpError with Creatio's error shapes; see record-errors.ts.
 */
export function prepareInsert(ctx: WriteContext, entity: string, body: unknown): EntityRecord {
  const def = entityDef(ctx, entity);
  const values = readBody(ctx, def, body);
  const record: EntityRecord = {};
  for (const col of def.columns) {
    const given = values.get(col.name);
    if (col.name === 'Id') record.Id = given !== undefined && given !== EMPTY_GUID ? given : newId(ctx);
    else if (given !== undefined) record[col.name] = given;
    else record[col.name] = defaultValue(ctx, def, col);
  }
  stampSystemColumns(ctx, record, { created: true });
  for (const col of def.columns) {
    if (col.required && isEmptyValue(col, record[col.name])) throw columnRequired(col);
  }
  checkLookups(ctx, def, record, def.columns);
  return record;
}

/**
 * The record a PATCH leaves (reference §1.5): `existing` with the body's columns replaced and
 * ModifiedOn/ModifiedById stamped; nothing else changes. Only the body's columns are checked.
 */
export function prepareUpdate(
  ctx: WriteContext,
  entity: string,
  existing: EntityRecord,
  body: unknown,
): EntityRecord {
  const def = entityDef(ctx, entity);
  const values = readBody(ctx, def, body);
  const id = String(existing.Id);
  const bodyId = values.get('Id');
  if (bodyId !== undefined && bodyId !== id.toLowerCase()) throw keyChanged(entity, id);
  values.delete('Id');
  const record: EntityRecord = {};
  for (const col of def.columns) {
    record[col.name] = values.get(col.name) ?? existing[col.name] ?? emptyValue(col);
  }
  stampSystemColumns(ctx, record, { created: false });
  const changed = def.columns.filter((col) => values.has(col.name));
  for (const col of changed) {
    if (col.required && isEmptyValue(col, record[col.name])) throw columnRequired(col);
  }
  checkLookups(ctx, def, record, changed.filter((col) => record[col.name] !== existing[col.name]));
  if (entity === 'Case') checkCaseStatusChange(ctx, existing, record);
  return record;
}

function entityDef(ctx: WriteContext, entity: string): EntityDef {
  const def = ctx.model.entity(entity);
  if (!def) throw new Error(`prepare: unknown entity ${entity}`);
  return def;
}

function newId(ctx: WriteContext): string {
  return (ctx.newId ?? randomUUID)().toLowerCase();
}

/**
 * Reads a write body into canonical column values. Instance annotations (`@odata.context`) and
 * property annotations of known properties are ignored, as are system columns (server-owned);
 * a navigation property or an undeclared property is a 400.
 */
function readBody(ctx: WriteContext, def: EntityDef, body: unknown): Map<string, Value> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notAnObject(body);
  const values = new Map<string, Value>();
  for (const [key, raw] of Object.entries(body)) {
    if (key.startsWith('@')) continue;
    const at = key.indexOf('@');
    const name = at === -1 ? key : key.slice(0, at);
    const col = ctx.model.column(def.name, name);
    const nav = col ? undefined : ctx.model.navigation(def.name, name);
    if (!col && !nav) throw undeclaredProperty(name, def.name);
    if (nav && (at === -1 || key.slice(at + 1) === 'odata.bind')) {
      throw navigationInBody(name, nav.name, def.name);
    }
    if (!col || at !== -1 || col.system) continue;
    if (col.name === 'Id' && raw === null) continue;
    values.set(col.name, toColumnValue(col, raw));
  }
  return values;
}

function defaultValue(ctx: WriteContext, def: EntityDef, col: ColumnDef): Value {
  const d = col.default;
  if (!d) return emptyValue(col);
  switch (d.kind) {
    case 'value':
      return typeof d.value === 'string' && col.type === 'Edm.Guid' ? d.value.toLowerCase() : d.value;
    case 'now':
      return ctx.now;
    case 'currentUserContact':
      return ctx.userContactId.toLowerCase();
    case 'sequence':
      return `${d.prefix}${String(ctx.nextSequence(def.name, col.name)).padStart(d.digits, '0')}`;
  }
}

/** Creator/modifier columns (reference §1.4: they default to the current user's contact). */
function stampSystemColumns(ctx: WriteContext, record: EntityRecord, options: { created: boolean }): void {
  const user = ctx.userContactId.toLowerCase();
  if (options.created) {
    record.CreatedOn = ctx.now;
    record.CreatedById = user;
    record.ProcessListeners = 0;
  }
  record.ModifiedOn = ctx.now;
  record.ModifiedById = user;
}

/** Every non-empty lookup among `columns` must point at an existing record (a DB foreign key). */
function checkLookups(ctx: WriteContext, def: EntityDef, record: EntityRecord, columns: readonly ColumnDef[]): void {
  for (const col of columns) {
    if (!col.lookup || col.system) continue;
    const value = record[col.name];
    if (typeof value !== 'string' || value === EMPTY_GUID) continue;
    // a row may point at itself (ParentCaseId = Id): Postgres checks the FK after the row exists
    if (col.lookup.entity === def.name && value === record.Id) continue;
    if (!ctx.table(col.lookup.entity)?.get(value)) throw foreignKeyViolation(def.name, col);
  }
}
