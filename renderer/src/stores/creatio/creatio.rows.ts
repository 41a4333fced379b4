/**
 * What the desk reads from Creatio over OData 4 (through the Lab API's proxy, as Supervisor): the
 * queries, and the rows turned into the desk's own small types. Creatio's names throughout
 * (reference/creatio-api.md §3): lookups are expanded with `$expand=Status($select=Name)`.
 */
import type { ODataRow } from '../../../../contract';

/** Activity types (reference/creatio-api.md §3.4). */
export const ACTIVITY_TYPE = { email: 'e2831dec-cfc0-df11-b00f-001d60e938c6', task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6' } as const;

export interface CaseRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  statusId: string;
  owner: string;
  group: string;
  contact: string;
  registeredOn: string;
}

export interface CaseDetail extends CaseRow {
  priority: string;
  origin: string;
  category: string;
  symptoms: string;
  notes: string;
  solution: string;
}

export interface ActivityRow {
  id: string;
  title: string;
  body: string;
  isHtml: boolean;
  type: string;
  author: string;
  createdOn: string;
}

export interface StatusRow {
  id: string;
  name: string;
  isFinal: boolean;
  isResolved: boolean;
}

const LIST_EXPAND = 'Status($select=Name),Owner($select=Name),Group($select=Name),Contact($select=Name)';

export const QUERIES = {
  cases: () => `Case?$select=Id,Number,Subject,RegisteredOn,StatusId&$expand=${LIST_EXPAND}&$orderby=RegisteredOn desc,Number desc&$top=200`,
  case: (id: string) => `Case(${id})?$select=Id,Number,Subject,RegisteredOn,StatusId,Symptoms,Notes,Solution`
    + `&$expand=${LIST_EXPAND},Priority($select=Name),Origin($select=Name),Category($select=Name)`,
  activities: (caseId: string) => `Activity?$filter=CaseId eq ${caseId}&$select=Id,Title,Body,IsHtmlBody,CreatedOn`
    + '&$expand=Type($select=Name),Author($select=Name)&$orderby=CreatedOn desc',
  statuses: () => 'CaseStatus?$select=Id,Name,IsFinal,IsResolved',
} as const;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const name = (lookup: unknown): string => (lookup && typeof lookup === 'object' ? str((lookup as { Name?: unknown }).Name) : '');

export function toCaseRow(row: ODataRow): CaseRow {
  return {
    id: str(row.Id), number: str(row.Number), subject: str(row.Subject), status: name(row.Status), statusId: str(row.StatusId),
    owner: name(row.Owner), group: name(row.Group), contact: name(row.Contact), registeredOn: str(row.RegisteredOn),
  };
}

export function toCaseDetail(row: ODataRow): CaseDetail {
  return {
    ...toCaseRow(row), priority: name(row.Priority), origin: name(row.Origin), category: name(row.Category),
    symptoms: str(row.Symptoms), notes: str(row.Notes), solution: str(row.Solution),
  };
}

export function toActivityRow(row: ODataRow): ActivityRow {
  return {
    id: str(row.Id), title: str(row.Title), body: str(row.Body), isHtml: row.IsHtmlBody === true,
    type: name(row.Type), author: name(row.Author), createdOn: str(row.CreatedOn),
  };
}

export function toStatusRow(row: ODataRow): StatusRow {
  return { id: str(row.Id), name: str(row.Name), isFinal: row.IsFinal === true, isResolved: row.IsResolved === true };
}
