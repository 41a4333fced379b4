/**
 * Field edits on the case page, as an agent makes them in Creatio: Subject, Priority, Owner and Group
 * (pickers by name), saved with one `PATCH Case(<id>)` of the changed columns (answered 204).
 * Lookups are read when the editor opens: priorities, the users' contacts (Owner is a Contact), and
 * the roles (Group is a SysAdminUnit), reference/creatio-api.md §3.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ODataRow } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { refreshCases, refreshOpenCase } from '../../stores/creatio/creatio.actions';
import { selectOpenCaseId, selectOpenCaseIsFinal } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';

interface Option { id: string; name: string }
interface Fields { Subject: string; PriorityId: string; OwnerId: string; GroupId: string }
interface Lookups { priorities: Option[]; owners: Option[]; groups: Option[] }

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const option = (row: ODataRow): Option => ({ id: str(row.Id), name: str(row.Name) });
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

async function readEditor(caseId: string): Promise<{ fields: Fields; lookups: Lookups }> {
  const client = labClient();
  const [row, priorities, users, groups] = await Promise.all([
    client.odataRecord(`Case(${caseId})?$select=Subject,PriorityId,OwnerId,GroupId`),
    client.odataList('CasePriority?$select=Id,Name'),
    client.odataList('SysAdminUnit?$filter=SysAdminUnitTypeValue eq 4&$select=Id&$expand=Contact($select=Id,Name)'),
    client.odataList('SysAdminUnit?$filter=SysAdminUnitTypeValue ne 4&$select=Id,Name&$orderby=Name'),
  ]);
  const owners = users.value.map((u) => option((u.Contact ?? {}) as ODataRow)).filter((o) => o.id);
  const fields = { Subject: str(row.Subject), PriorityId: str(row.PriorityId), OwnerId: str(row.OwnerId), GroupId: str(row.GroupId) };
  return { fields, lookups: { priorities: priorities.value.map(option), owners, groups: groups.value.map(option) } };
}

export function CaseFieldEdits() {
  const id = useId();
  const caseId = useCreatioStore(selectOpenCaseId);
  const isFinal = useCreatioStore(selectOpenCaseIsFinal);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Fields | null>(null);
  const [draft, setDraft] = useState<Fields | null>(null);
  const [lookups, setLookups] = useState<Lookups | null>(null);
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });

  useEffect(() => {
    setSaved(null);
    setDraft(null);
    setState({ busy: false });
    if (!open || !caseId) return;
    let live = true;
    readEditor(caseId).then(
      (read) => live && (setSaved(read.fields), setDraft(read.fields), setLookups(read.lookups)),
      (error: unknown) => live && setState({ busy: false, message: `Could not read the case: ${(error as Error).message}`, error: true }),
    );
    return () => void (live = false);
  }, [open, caseId]);

  if (!caseId) return null;
  const changes = saved && draft ? Object.fromEntries(Object.entries(draft).filter(([k, v]) => saved[k as keyof Fields] !== v)) : {};

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!caseId || !draft || Object.keys(changes).length === 0) return;
    if (!draft.Subject.trim()) return setState({ busy: false, message: 'Subject: must not be empty', error: true });
    setState({ busy: true });
    try {
      await labClient().odataUpdate(`Case(${caseId})`, changes);
      setSaved(draft);
      setState({ busy: false, message: 'Saved' });
    } catch (error) {
      setState({ busy: false, message: (error as Error).message, error: true });
    } finally {
      void refreshOpenCase();
      void refreshCases();
    }
  }

  const picker = (key: 'PriorityId' | 'OwnerId' | 'GroupId', label: string, options: Option[]) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={draft?.[key] ?? ''} onChange={(e) => draft && setDraft({ ...draft, [key]: e.target.value })}>
        {(!draft?.[key] || draft[key] === EMPTY_GUID) && <option value={draft?.[key] ?? ''}>—</option>}
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    </>
  );

  return (
    <details className="reply-box" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Edit fields</summary>
      {open && draft && lookups ? (
        <form className="case-fields" aria-label="Edit case fields" onSubmit={(e) => void save(e)}>
          <label htmlFor={`${id}-subject`}>Subject</label>
          <input id={`${id}-subject`} value={draft.Subject} onChange={(e) => setDraft({ ...draft, Subject: e.target.value })} />
          {picker('PriorityId', 'Priority', lookups.priorities)}
          {picker('OwnerId', 'Owner', lookups.owners)}
          {picker('GroupId', 'Group', lookups.groups)}
          <button type="submit" className="button primary" disabled={state.busy || isFinal || Object.keys(changes).length === 0}>Save fields</button>
          {state.message && <span className={state.error ? 'form-error' : undefined} role={state.error ? 'alert' : 'status'}>{state.message}</span>}
        </form>
      ) : open && <p className={state.error ? 'form-error' : 'empty'} role={state.error ? 'alert' : undefined}>{state.message ?? 'Reading the case…'}</p>}
    </details>
  );
}
