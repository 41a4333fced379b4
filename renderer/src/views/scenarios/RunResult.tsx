/** The run in a fresh lab the view started last: live step progress, then the result and its timeline. */
import { selectCurrentRun } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';
import { StepStatus } from './StepStatus';
import { TimelineLanes } from './TimelineLanes';

const STATUS_WORDS = { running: 'Running', passed: 'Passed', failed: 'Failed' } as const;

export function RunResult() {
  const run = useScenariosStore(selectCurrentRun);
  if (!run) return null;
  const seconds = run.durationMs === undefined ? '' : ` in ${(run.durationMs / 1000).toFixed(1)} s`;
  return (
    <section className="run-result" aria-label="Run result">
      <h3>
        Run in a fresh lab: <span className={`badge run-${run.status}`} aria-label={`Run status: ${STATUS_WORDS[run.status]}`}>{STATUS_WORDS[run.status]}</span>
        <span className="count"> {run.steps.length}/{run.totalSteps} steps{seconds} · {run.file}</span>
      </h3>
      {run.error && <pre className="run-error">{run.error}</pre>}
      <ol className="step-results" aria-label="Run steps">
        {run.steps.map((step) => (
          <li key={step.index} className={`step-result step-${step.status}`}>
            <StepStatus status={step.status} />
            <span className="step-title">{step.title}</span>
            <span className="step-meta">line {step.line} · {step.durationMs} ms</span>
            {step.error && <pre className="step-error">{step.error}</pre>}
          </li>
        ))}
      </ol>
      {run.status !== 'running' && <TimelineLanes timeline={run.timeline} />}
    </section>
  );
}
