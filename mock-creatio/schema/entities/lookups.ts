import type { EntityDef } from '../schema.types';
import { column, lookupEntity, text } from './columns';

/** Lookup entities: Id, Name (req, 250), Description, plus the extras Creatio has (reference §3). */

/** CaseStatus with its flags (§3.2). */
export const CASE_STATUS_ENTITY: EntityDef = lookupEntity('CaseStatus', [
  column('IsFinal', 'Edm.Boolean'),
  column('IsResolved', 'Edm.Boolean'),
  column('IsPaused', 'Edm.Boolean'),
  text('ButtonCaption', 250),
  column('StageNumber', 'Edm.Int32'),
  text('StatusColor', 50),
]);

/** ActivityStatus; `Finish` marks Completed/Cancelled as done. */
export const ACTIVITY_STATUS_ENTITY: EntityDef = lookupEntity('ActivityStatus', [column('Finish', 'Edm.Boolean')]);

export const LOOKUPS: readonly EntityDef[] = [
  CASE_STATUS_ENTITY,
  lookupEntity('CasePriority'),
  lookupEntity('CaseOrigin'),
  lookupEntity('CaseCategory'),
  lookupEntity('ClosureCode'),
  lookupEntity('ActivityType'),
  ACTIVITY_STATUS_ENTITY,
  lookupEntity('ActivityCategory'),
  lookupEntity('ActivityPriority'),
  lookupEntity('ActivityResult'),
  // Activity.MessageType points at EmailType (§3.4)
  lookupEntity('EmailType'),
  lookupEntity('EmailSendStatus'),
  lookupEntity('ContactType'),
  lookupEntity('AccountType'),
];
