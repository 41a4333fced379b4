/** A filter group: AND/OR over conditions and nested groups, as Creatio's filter editor builds them. */
import { addItem, emptyCondition, emptyGroup, updateItem, type GroupDraft } from '../../stores/processes/draft';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { ConditionEditor } from './ConditionEditor';

export function FilterGroupEditor({ group, depth }: { group: GroupDraft; depth: number }) {
  const edit = useProcessesStore((s) => s.edit);
  const name = depth === 0 ? 'Filter' : `Filter group ${depth + 1}`;
  const change = (next: (root: GroupDraft) => GroupDraft) => edit((d) => ({ filter: next(d.filter) }));
  return (
    <fieldset className={`filter-group depth-${Math.min(depth, 3)}`} aria-label={name}>
      <legend className="filter-head">
        {depth === 0 ? 'Filter' : 'Group'}:{' '}
        <select aria-label={`${name}: match`} value={group.logic}
          onChange={(e) => change((root) => updateItem(root, group.key, (g) => ({ ...g, logic: e.target.value as 'and' | 'or' })))}>
          <option value="and">all of (AND)</option>
          <option value="or">any of (OR)</option>
        </select>
      </legend>
      {group.items.length === 0 && depth === 0 && <p className="hint">No conditions: every record of the object fires the signal.</p>}
      <ul className="filter-items">
        {group.items.map((item) => (
          <li key={item.key}>
            {item.kind === 'group' ? <FilterGroupEditor group={item} depth={depth + 1} /> : <ConditionEditor condition={item} />}
          </li>
        ))}
      </ul>
      <div className="filter-actions">
        <button type="button" className="button small" onClick={() => change((root) => addItem(root, group.key, emptyCondition()))}>Add condition</button>
        <button type="button" className="button small" onClick={() => change((root) => addItem(root, group.key, { ...emptyGroup('or'), items: [emptyCondition()] }))}>Add group</button>
        {depth > 0 && (
          <button type="button" className="button small" onClick={() => change((root) => updateItem(root, group.key, () => null))}>Remove group</button>
        )}
      </div>
    </fieldset>
  );
}
