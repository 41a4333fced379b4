/** One filter condition: a column or a path through lookups, an operator, a value (lookup values offered by name). */
import { useEffect, useId, useMemo } from 'react';
import { needsValue, OPS, updateItem, type ConditionDraft, type Op } from '../../stores/processes/draft';
import { filterPaths, lookupTargetOf } from '../../stores/processes/entity-model';
import { loadLookupValues } from '../../stores/processes/preview.actions';
import { selectDraft, selectLookupValues, selectModel } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';

const OP_LABELS: Record<Op, string> = { eq: '=', ne: '≠', contains: 'contains', empty: 'is empty', notEmpty: 'is not empty' };

export function ConditionEditor({ condition }: { condition: ConditionDraft }) {
  const entity = useProcessesStore(selectDraft)!.entity;
  const model = useProcessesStore(selectModel);
  const edit = useProcessesStore((s) => s.edit);
  const ids = { columns: useId(), values: useId() };
  const target = model ? lookupTargetOf(model, entity, condition.column) : undefined;
  const values = useProcessesStore(selectLookupValues(target));
  const paths = useMemo(() => (model ? filterPaths(model, entity) : []), [model, entity]);
  useEffect(() => {
    if (target) void loadLookupValues(target);
  }, [target]);
  const set = (patch: Partial<ConditionDraft>) =>
    edit((d) => ({ filter: updateItem(d.filter, condition.key, (c) => ({ ...c, ...patch }) as ConditionDraft) }));
  const label = condition.column || 'new condition';
  const chosen = values?.find((v) => v.id === condition.value);
  return (
    <div className="condition" role="group" aria-label={`Condition on ${label}`}>
      <input aria-label="Column" list={ids.columns} value={condition.column} placeholder="Column or path (Type/Name)" spellCheck={false}
        onChange={(e) => set({ column: e.target.value })} />
      <datalist id={ids.columns}>
        {paths.map((p) => <option key={p} value={p} />)}
      </datalist>
      <select aria-label="Operator" value={condition.op} onChange={(e) => set({ op: e.target.value as Op })}>
        {OPS.map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
      </select>
      {needsValue(condition.op) && (
        <>
          <input aria-label="Value" list={values ? ids.values : undefined} value={condition.value} spellCheck={false}
            title={chosen ? chosen.label : undefined} onChange={(e) => set({ value: e.target.value })} />
          {values && <datalist id={ids.values}>{values.map((v) => <option key={v.id} value={v.id} label={v.label} />)}</datalist>}
          {chosen && <span className="hint">{chosen.label}</span>}
        </>
      )}
      <button type="button" className="button small" aria-label={`Remove condition on ${label}`}
        onClick={() => edit((d) => ({ filter: updateItem(d.filter, condition.key, () => null) }))}>✕</button>
    </div>
  );
}
