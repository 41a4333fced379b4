/** The console's one-click examples: Creatio's own queries (reference/creatio-api.md §3). */
import type { ODataRequest } from './odata.store';

export interface ODataExample {
  label: string;
  request: ODataRequest;
}

/** `caseId`: the case the examples about one case use (the desk's open case, else the newest). */
export function odataExamples(caseId: string | null): ODataExample[] {
  const kase = caseId ?? '<case id>';
  return [
    { label: 'Cases with their status', request: { method: 'GET', path: 'Case?$select=Number,Subject,RegisteredOn&$expand=Status($select=Name)&$orderby=RegisteredOn desc&$top=10', body: '' } },
    {
      label: 'Activities of a case by CreatedOn',
      request: { method: 'GET', path: `Activity?$filter=CaseId eq ${kase}&$select=Title,CreatedOn&$expand=Type($select=Name)&$orderby=CreatedOn`, body: '' },
    },
    { label: 'Case statuses', request: { method: 'GET', path: 'CaseStatus?$select=Name,IsFinal,IsResolved', body: '' } },
    { label: '$metadata', request: { method: 'GET', path: '$metadata', body: '' } },
    {
      label: 'Add a Task to a case (POST)',
      request: { method: 'POST', path: 'Activity', body: JSON.stringify({ Title: 'Call the customer back', TypeId: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6', CaseId: kase }, null, 2) },
    },
  ];
}
