/**
 * The Scenarios view (issue 6 "Scenarios: open a scenario file and run it; a presenter mode that
 * steps through it with narration, for demos"): the library beside the open scenario, shown in its
 * editor (check, run in a fresh lab) or in the presenter (step by step on this lab).
 */
import { useEffect } from 'react';
import { listenToScenarioEvents, refreshPresenter } from '../../stores/scenarios/presenter.actions';
import { loadLibrary } from '../../stores/scenarios/scenarios.actions';
import { LibraryList } from './LibraryList';
import { ScenarioTabs } from './ScenarioTabs';
import '../../styles/scenarios.css';

export function ScenariosView() {
  useEffect(() => {
    listenToScenarioEvents();
    void loadLibrary();
    void refreshPresenter();
  }, []);
  return (
    <section className="view scenarios-view" aria-labelledby="scenarios-title">
      <header className="view-header">
        <h1 id="scenarios-title">Scenarios</h1>
        <p className="view-note">Open a scenario, run it in a fresh lab, or present it step by step on this lab.</p>
      </header>
      <div className="scenarios-columns">
        <LibraryList />
        <ScenarioTabs />
      </div>
    </section>
  );
}
