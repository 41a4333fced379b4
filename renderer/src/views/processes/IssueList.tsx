/** The site's checks of the process, inline: each section shows the errors and warnings on its paths. */
import type { ProcessIssue } from '../../../../contract';
import { selectCheckErrors, selectCheckWarnings } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';

/** `signal.filter.conditions.0.column` → `filter › condition 1 › column`, as a person reads it. */
export function readablePath(path: string): string {
  return path.replace(/^signal\./, '').replace(/^callWebService\./, '').replace(/\.conditions\.(\d+)/g, (_m, i: string) => ` › condition ${Number(i) + 1}`)
    .replace(/\./g, ' › ');
}

function Issue({ issue, kind }: { issue: ProcessIssue; kind: 'error' | 'warning' }) {
  return (
    <li className={`issue issue-${kind}`}>
      <span className="issue-kind">{kind === 'error' ? 'Error' : 'Warning'}</span> <code>{readablePath(issue.path)}</code>: {issue.message}
    </li>
  );
}

/** The issues whose path starts with `prefix` (`signal`, `callWebService`). */
export function IssueList({ prefix, label }: { prefix: string; label: string }) {
  const errors = useProcessesStore(selectCheckErrors).filter((i) => i.path.startsWith(prefix));
  const warnings = useProcessesStore(selectCheckWarnings).filter((i) => i.path.startsWith(prefix));
  if (errors.length + warnings.length === 0) return null;
  return (
    <ul className="issues" aria-label={label}>
      {errors.map((i) => <Issue key={`e${i.path}${i.message}`} issue={i} kind="error" />)}
      {warnings.map((i) => <Issue key={`w${i.path}${i.message}`} issue={i} kind="warning" />)}
    </ul>
  );
}

/** One line at the top: how many errors and warnings the checks found. */
export function ChecksSummary() {
  const errors = useProcessesStore(selectCheckErrors).length;
  const warnings = useProcessesStore(selectCheckWarnings).length;
  const text = errors + warnings === 0 ? 'Checks: no problems found'
    : `Checks: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return <p className={`checks-summary${errors ? ' has-errors' : warnings ? ' has-warnings' : ''}`} aria-label="Checks">{text}</p>;
}
