/**
 * A picker of the site's records by name (Contact, SysAdminUnit, CaseStatus, ActivityType) with the
 * GUID shown beside it and editable, so an id the list does not hold can still be typed (and tested).
 */
import { useId } from 'react';
import { selectOptions, selectProblemAt } from '../../stores/sync/sync.selectors';
import { useSyncStore, type PickerKind } from '../../stores/sync/sync.store';
import { FieldProblem } from './SettingField';

export interface RecordPickerProps {
  kind: PickerKind;
  slot: string;
  label: string;
  /** Creatio's object, for the hint ("Contact"). */
  entity: string;
  value: string;
  onChange: (id: string) => void;
  /** May be empty (none). */
  optional: boolean;
}

export function RecordPicker(props: RecordPickerProps) {
  const id = useId();
  const options = useSyncStore(selectOptions(props.kind));
  const invalid = useSyncStore((s) => selectProblemAt(props.slot)(s) !== '');
  const value = props.value.trim().toLowerCase();
  const known = options.find((o) => o.id.toLowerCase() === value);
  return (
    <div className="sy-field">
      <label htmlFor={id}>{props.label} <span className="sy-entity">({props.entity})</span></label>
      <div className="sy-picker">
        <select id={id} value={known?.id ?? (value ? '?' : '')} aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-problem` : undefined} onChange={(e) => e.target.value !== '?' && props.onChange(e.target.value)}>
          {(props.optional || !value) && <option value="">{props.optional ? '(none)' : '(choose)'}</option>}
          {value && !known && <option value="?">Not on the site's list</option>}
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
        <input className="sy-guid" aria-label={`${props.label} GUID`} value={props.value} spellCheck={false} placeholder="GUID"
          onChange={(e) => props.onChange(e.target.value)} />
      </div>
      <FieldProblem slot={props.slot} id={`${id}-problem`} label={props.label} />
    </div>
  );
}
