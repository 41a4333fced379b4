/** The open process's runs, newest first, each with its trigger, request and response (updated on `process.ran`). */
import type { ProcessRun } from '../../../../contract';
import { formatDateTime } from '../../lib/format';
import { selectFiredRunId, selectRuns } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { RequestView } from './RequestView';

function summary(run: ProcessRun): string {
  const answer = run.response ? `${run.response.status} in ${run.response.timeMs} ms` : 'nothing sent';
  return `${run.status === 'completed' ? 'Completed' : 'Error'} · ${run.trigger.event} · ${answer}`;
}

function RunItem({ run, open }: { run: ProcessRun; open: boolean }) {
  return (
    <li className={`run run-${run.status}`}>
      <details open={open}>
        <summary aria-label={`Run at ${formatDateTime(run.startedOn)}: ${summary(run)}`}>
          <span className={`badge run-status-${run.status}`}>{run.status}</span> {formatDateTime(run.startedOn)} · {run.trigger.event}
          {' · '}{run.response ? `HTTP ${run.response.status} · ${run.response.timeMs} ms` : 'nothing sent'}
        </summary>
        <p className="run-trigger">{run.trigger.entity} {run.trigger.recordId}{run.attempts > 1 ? ` · ${run.attempts} attempts` : ''}</p>
        {run.error && <p className="form-error">{run.error}</p>}
        {run.request && <RequestView label="Request sent" line={`${run.request.method} ${run.request.url}`} headers={run.request.headers} body={run.request.body} />}
        {run.response && (
          <RequestView label="Response" line={`HTTP ${run.response.status}${run.response.bodyTruncated ? ' (body cut at 16 KB)' : ''}`}
            headers={run.response.headers} body={run.response.body} />
        )}
      </details>
    </li>
  );
}

export function RunLog() {
  const runs = useProcessesStore(selectRuns);
  const fired = useProcessesStore(selectFiredRunId);
  const newestFirst = [...runs].reverse();
  return (
    <section className="run-log" aria-labelledby="run-log-title">
      <h2 id="run-log-title">Run log <span className="count">({runs.length})</span></h2>
      {runs.length === 0 && <p className="empty">No runs yet. Test-fire it, or write a record its signal matches.</p>}
      <ol className="runs" aria-labelledby="run-log-title">
        {newestFirst.map((run) => <RunItem key={run.id} run={run} open={run.id === fired} />)}
      </ol>
    </section>
  );
}
