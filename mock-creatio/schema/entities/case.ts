import type { EntityDef } from '../schema.types';
import { CASE_ORIGIN, CASE_PRIORITY, CASE_STATUS } from '../constants';
import { column, entity, lookup, text } from './columns';

/** Case (reference/creatio-api.md §3.1; schema UId from [DEMO] conf/content/Case.js). */
export const CASE: EntityDef = entity(
  'Case',
  'Number',
  [
    // "SR" + 8 digits from a sequence; server-maintained (§3.1)
    text('Number', 50, { system: true, default: { kind: 'sequence', prefix: 'SR', digits: 8 } }),
    column('RegisteredOn', 'Edm.DateTimeOffset', { required: true, default: { kind: 'now' } }),
    text('Subject', 500, { required: true }),
    text('Symptoms'),
    text('Notes'),
    text('Solution'),
    lookup('OwnerId', 'Contact'),
    lookup('GroupId', 'SysAdminUnit'),
    // default = sys setting CaseStatusDef (New) (§3.1, §3.2)
    lookup('StatusId', 'CaseStatus', { required: true, default: { kind: 'value', value: CASE_STATUS.New } }),
    // CasePriorityDef / CaseOriginDef from Creatio's install data (§3.3)
    lookup('PriorityId', 'CasePriority', { default: { kind: 'value', value: CASE_PRIORITY.Medium } }),
    lookup('OriginId', 'CaseOrigin', { default: { kind: 'value', value: CASE_ORIGIN.Call } }),
    lookup('AccountId', 'Account'),
    lookup('ContactId', 'Contact'),
    lookup('CategoryId', 'CaseCategory'),
    lookup('ClosureCodeId', 'ClosureCode'),
    column('ResponseDate', 'Edm.DateTimeOffset'),
    column('SolutionDate', 'Edm.DateTimeOffset'),
    column('RespondedOn', 'Edm.DateTimeOffset'),
    column('SolutionProvidedOn', 'Edm.DateTimeOffset'),
    column('FirstSolutionProvidedOn', 'Edm.DateTimeOffset'),
    column('ClosureDate', 'Edm.DateTimeOffset'),
    lookup('ParentCaseId', 'Case'),
    // →RoleInServiceTeam in Creatio; modelled as a plain Guid (no such lookup in the simulator)
    column('SupportLevelId', 'Edm.Guid'),
    column('ResponseOverdue', 'Edm.Boolean'),
    column('SolutionOverdue', 'Edm.Boolean'),
    column('SolutionRemains', 'Edm.Decimal'),
    text('SatisfactionLevelComment', 250),
  ],
  '117d32f9-8275-4534-8411-1c66115ce9cd',
);
