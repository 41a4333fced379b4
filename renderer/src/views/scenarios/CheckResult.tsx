/** Whether the open scenario loads: its steps, or each problem at its line and column (a click puts the caret there). */
import { selectCheck, selectChecking } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';

export function CheckResult({ onProblem }: { onProblem: (line: number, column: number) => void }) {
  const check = useScenariosStore(selectCheck);
  const checking = useScenariosStore(selectChecking);
  if (!check) return <p className="check-result" role="status" aria-label="Check result">{checking ? 'Checking…' : 'Not checked yet.'}</p>;
  if (check.ok) {
    return (
      <p className="check-result check-ok" role="status" aria-label="Check result">
        ✓ Loads: {check.steps.length} steps, {check.mode} mode{checking ? ' (checking again…)' : ''}
      </p>
    );
  }
  return (
    <div className="check-result check-failed" role="status" aria-label="Check result">
      <p>✗ Does not load: {check.errors.length} problem{check.errors.length === 1 ? '' : 's'}</p>
      <ul className="problems" aria-label="Problems">
        {check.errors.map((e) => (
          <li key={`${e.line}:${e.column}:${e.message}`}>
            <button type="button" className="link-button" onClick={() => onProblem(e.line, e.column)}>{e.line}:{e.column}</button>
            {' '}{e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
