/**
 * One labelled input of the settings form with the problem of its field shown beside it, by the
 * field's name ("Client secret: CREATIO_AUTH_FAILED: ..."), and tied to the input for screen readers.
 */
import { useId, type ReactNode } from 'react';
import { FIELD_LABELS } from '../../stores/sync/settings-draft';
import { selectProblemAt } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';

export function FieldProblem({ slot, id, label }: { slot: string; id: string; label?: string }) {
  const problem = useSyncStore(selectProblemAt(slot));
  if (!problem) return null;
  return <p className="sy-problem" id={id} role="alert">{label ?? FIELD_LABELS[slot] ?? slot}: {problem}</p>;
}

export interface SettingFieldProps {
  /** The API's field path the problems name (`auth.clientSecret`, `outbox.maxAttempts`). */
  slot: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
  hint?: ReactNode;
  autoComplete?: string;
}

export function SettingField(props: SettingFieldProps) {
  const id = useId();
  const invalid = useSyncStore((s) => selectProblemAt(props.slot)(s) !== '');
  return (
    <div className="sy-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id} type={props.type ?? 'text'} value={props.value} placeholder={props.placeholder} autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-problem` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && <p className="sy-hint">{props.hint}</p>}
      <FieldProblem slot={props.slot} id={`${id}-problem`} label={props.label} />
    </div>
  );
}
