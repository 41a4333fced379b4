/**
 * AI field mappings (seed "AI Fields"): each row a Creatio column the AI fills at handoff, its title,
 * type (text, or dropdown with the values listed in the description) and the description that guides it.
 */
import type { AiFieldRow } from '../../stores/sync/settings-draft';
import { newRowKey } from '../../stores/sync/settings-draft';
import { useSyncStore } from '../../stores/sync/sync.store';
import { FieldProblem } from './SettingField';

function Row({ row, index }: { row: AiFieldRow; index: number }) {
  const edit = useSyncStore((s) => s.edit);
  const n = index + 1;
  const change = (patch: Partial<AiFieldRow>) => edit((d) => ({ aiFields: d.aiFields.map((r) => (r.key === row.key ? { ...r, ...patch } : r)) }));
  return (
    <li className="sy-ai-row" aria-label={`AI field ${n}`}>
      <input aria-label={`AI field ${n} name`} placeholder="Column, e.g. UsrOrderNumber" value={row.fieldName} spellCheck={false}
        onChange={(e) => change({ fieldName: e.target.value })} />
      <input aria-label={`AI field ${n} title`} placeholder="Display title" value={row.displayTitle} onChange={(e) => change({ displayTitle: e.target.value })} />
      <select aria-label={`AI field ${n} type`} value={row.fieldType} onChange={(e) => change({ fieldType: e.target.value === 'dropdown' ? 'dropdown' : 'text' })}>
        <option value="text">Text</option>
        <option value="dropdown">Dropdown</option>
      </select>
      <button type="button" className="button" aria-label={`Remove AI field ${n}`}
        onClick={() => edit((d) => ({ aiFields: d.aiFields.filter((r) => r.key !== row.key) }))}>Remove</button>
      <textarea aria-label={`AI field ${n} description`} rows={2} placeholder="What the AI should put here (for a dropdown: the values it may choose)"
        value={row.description} onChange={(e) => change({ description: e.target.value })} />
      <FieldProblem slot={`aiFields.${index}`} id={`ai-${row.key}-problem`} label={`AI field ${n}`} />
    </li>
  );
}

export function AiFieldsEditor() {
  const rows = useSyncStore((s) => s.draft?.aiFields);
  const edit = useSyncStore((s) => s.edit);
  if (!rows) return null;
  const add = () => edit((d) => ({ aiFields: [...d.aiFields, { key: newRowKey(), fieldName: '', displayTitle: '', fieldType: 'text', description: '' }] }));
  return (
    <fieldset className="sy-group" aria-label="AI fields">
      <legend>AI fields</legend>
      {rows.length === 0 && <p className="sy-hint">No mapping: the AI fills no case field at handoff.</p>}
      <ol className="sy-ai-rows">
        {rows.map((row, index) => <Row key={row.key} row={row} index={index} />)}
      </ol>
      <button type="button" className="button" onClick={add}>Add AI field</button>
      <FieldProblem slot="aiFields" id="ai-fields-problem" />
    </fieldset>
  );
}
