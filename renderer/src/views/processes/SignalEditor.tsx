/** The signal start event: the object, the event (added, modified in some columns, deleted) and the filter. */
import { useId } from 'react';
import type { SignalEvent } from '../../stores/processes/draft';
import { selectDraft, selectModel } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { FilterGroupEditor } from './FilterGroupEditor';
import { IssueList } from './IssueList';

const EVENTS: [SignalEvent, string][] = [['added', 'Record added'], ['modified', 'Record modified'], ['deleted', 'Record deleted']];

export function SignalEditor() {
  const draft = useProcessesStore(selectDraft)!;
  const model = useProcessesStore(selectModel);
  const edit = useProcessesStore((s) => s.edit);
  const ids = { entity: useId(), event: useId(), columns: useId(), objects: useId() };
  const entities = model ? Object.keys(model).sort() : [];
  const columns = model?.[draft.entity]?.columns.map((c) => c.name) ?? [];
  return (
    <fieldset className="editor-section">
      <legend>Signal</legend>
      <div className="field-row">
        <label htmlFor={ids.entity}>Object</label>
        <input id={ids.entity} list={ids.objects} value={draft.entity} spellCheck={false}
          onChange={(e) => edit(() => ({ entity: e.target.value.trim(), changedColumns: [] }))} />
        <datalist id={ids.objects}>{entities.map((e) => <option key={e} value={e} />)}</datalist>
        <label htmlFor={ids.event}>Event</label>
        <select id={ids.event} value={draft.event} onChange={(e) => edit(() => ({ event: e.target.value as SignalEvent }))}>
          {EVENTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      {draft.event === 'modified' && (
        <div className="field-row">
          <label htmlFor={ids.columns}>In any of the columns</label>
          <select id={ids.columns} multiple size={4} value={draft.changedColumns}
            onChange={(e) => edit(() => ({ changedColumns: [...e.target.selectedOptions].map((o) => o.value) }))}>
            {columns.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <span className="hint">{draft.changedColumns.length ? '' : 'None chosen: any save of the record fires it.'}</span>
        </div>
      )}
      <FilterGroupEditor group={draft.filter} depth={0} />
      <IssueList prefix="signal" label="Checks of the signal" />
    </fieldset>
  );
}
