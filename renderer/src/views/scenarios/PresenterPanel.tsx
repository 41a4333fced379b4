/**
 * Present mode: the narration in big letters, warnings (the scenario's mode is not the lab's...),
 * Next (also → or Space) and Reset, and the steps with the current one highlighted and each result.
 */
import { presenterNext, presenterReset } from '../../stores/scenarios/presenter.actions';
import { selectPresenter, selectPresenterBusy, selectPresenterError } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';
import { presenterProgress } from './presenter-progress';
import { StepStatus } from './StepStatus';
import { usePresenterKeys } from './use-presenter-keys';

export function PresenterPanel() {
  const presenter = useScenariosStore(selectPresenter);
  const busy = useScenariosStore(selectPresenterBusy);
  const error = useScenariosStore(selectPresenterError);
  usePresenterKeys(true);
  if (!presenter || presenter.status === 'idle') {
    return <p className="empty">Nothing to present yet: open a scenario in the editor and press “Present on this lab”.</p>;
  }
  const { current, progress } = presenterProgress(presenter);
  return (
    <section className="presenter" aria-label="Presenter">
      <div className="presenter-head">
        <h2>{presenter.name}</h2>
        <span className="count">{presenter.file}</span>
      </div>
      <p className="narration" role="status" aria-label="Narration">{presenter.narration}</p>
      {presenter.warnings.map((w) => <p key={w} className="presenter-warning" role="note">⚠ {w}</p>)}
      <div className="presenter-controls">
        <button type="button" className="button primary big" disabled={presenter.status !== 'ready' || busy} onClick={() => void presenterNext()}>
          Next step <kbd>→</kbd>
        </button>
        <button type="button" className="button" disabled={presenter.status === 'running' || busy} onClick={() => void presenterReset()}>Reset</button>
        <span className="presenter-progress" aria-label="Presenter progress">{progress}</span>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <ol className="presenter-steps" aria-label="Presenter steps">
        {presenter.steps.map((step) => (
          <li key={step.index} className={`presenter-step step-${step.status}${step.index === current ? ' current' : ''}`} aria-current={step.index === current ? 'step' : undefined}>
            <StepStatus status={step.status} />
            <span className="step-narration">{step.narration}</span>
            <span className="step-meta">{step.action} · line {step.line}{step.durationMs === undefined ? '' : ` · ${step.durationMs} ms`}</span>
            {step.error && <pre className="step-error">{step.error}</pre>}
          </li>
        ))}
      </ol>
    </section>
  );
}
