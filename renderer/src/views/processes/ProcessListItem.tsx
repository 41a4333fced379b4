/** One process in the list: open it, see its signal and warnings, switch it on or off. */
import type { CheckedProcess } from '../../../../contract';
import { openProcess, setActive } from '../../stores/processes/processes.actions';
import { selectIsSelected } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';

export function signalSummary(process: Pick<CheckedProcess, 'signal'>): string {
  const { entity, event, changedColumns } = process.signal;
  return `${entity} ${event}${event === 'modified' && changedColumns?.length ? ` (${changedColumns.join(', ')})` : ''}`;
}

export function ProcessListItem({ process }: { process: CheckedProcess }) {
  const selected = useProcessesStore(selectIsSelected(process.id));
  const active = process.active ?? true;
  const warnings = process.warnings.length;
  return (
    <li className={`process-item${selected ? ' selected' : ''}`}>
      <button type="button" className="process-open" aria-label={`Open process ${process.name}`} aria-current={selected ? 'true' : undefined}
        onClick={() => openProcess(process.id)}>
        <span className="process-name">{process.name}</span>
        <span className="process-signal">Signal: {signalSummary(process)}</span>
      </button>
      <div className="process-flags">
        <label className="process-active">
          <input type="checkbox" checked={active} aria-label={`Active: ${process.name}`} onChange={(e) => void setActive(process.id, e.target.checked)} />
          {active ? 'Active' : 'Disabled'}
        </label>
        {warnings > 0 && <span className="badge warn-badge" aria-label={`${warnings} warning${warnings > 1 ? 's' : ''}`}>⚠ {warnings}</span>}
      </div>
    </li>
  );
}
