/**
 * The compact presenter bar: while a scenario is being presented, it stays on every other view (the
 * chat, the desk, the timeline) so the presenter can go on with Next (→ or Space) while the audience
 * watches that view change.
 */
import { useEffect } from 'react';
import { selectView } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';
import { listenToScenarioEvents, presenterNext, refreshPresenter } from '../../stores/scenarios/presenter.actions';
import { selectPresenter, selectPresenterBusy, selectPresenting } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';
import { presenterProgress } from './presenter-progress';
import { usePresenterKeys } from './use-presenter-keys';
import '../../styles/scenarios.css';

export function PresenterBar() {
  const view = useAppStore(selectView);
  const show = useAppStore((s) => s.show);
  const presenting = useScenariosStore(selectPresenting);
  const presenter = useScenariosStore(selectPresenter);
  const busy = useScenariosStore(selectPresenterBusy);
  const visible = presenting && view !== 'scenarios' && presenter !== null;
  useEffect(() => {
    listenToScenarioEvents();
    void refreshPresenter();
  }, []);
  usePresenterKeys(visible);
  if (!visible) return null;
  const { progress } = presenterProgress(presenter);
  return (
    <div className="presenter-bar" role="region" aria-label="Presenter bar">
      <span className="presenter-bar-progress">{progress}</span>
      <span className="presenter-bar-narration" role="status" aria-label="Presenter narration">{presenter.narration}</span>
      <button type="button" className="button primary" disabled={presenter.status !== 'ready' || busy} onClick={() => void presenterNext()}>
        Next step <kbd>→</kbd>
      </button>
      <button type="button" className="button" onClick={() => show('scenarios')}>Open presenter</button>
    </div>
  );
}
