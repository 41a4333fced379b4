import type { EntityRecord } from '../schema/schema.types';
import { finalCaseStatus } from './record-errors';
import type { WriteContext } from './write-context';

/**
 * A case in a final status (CaseStatus.IsFinal: Closed, Cancelled out of the box) cannot move to
 * another status (reference/creatio-api.md §3.2, [ACAD-CASESTATUS]). Statuses are read from the
 * data, not hard-coded, since real tenants customise them (§3.2). Other columns may still change.
 */
export function checkCaseStatusChange(ctx: WriteContext, existing: EntityRecord, record: EntityRecord): void {
  const from = String(existing.StatusId ?? '');
  if (record.StatusId === from) return;
  const status = ctx.table('CaseStatus')?.get(from);
  if (status?.IsFinal === true) throw finalCaseStatus(String(status.Name ?? from));
}
