/** The open scenario, as the editor (check, run in a fresh lab) or the presenter (step by step on this lab). */
import type { KeyboardEvent } from 'react';
import { selectOpened, selectPresenting, selectTab } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';
import { PresenterPanel } from './PresenterPanel';
import { ScenarioEditor } from './ScenarioEditor';

const TABS = [{ id: 'editor', label: 'Editor' }, { id: 'present', label: 'Present' }] as const;

export function ScenarioTabs() {
  const tab = useScenariosStore(selectTab);
  const setTab = useScenariosStore((s) => s.setTab);
  const opened = useScenariosStore(selectOpened);
  const presenting = useScenariosStore(selectPresenting);

  function onKey(event: KeyboardEvent) {
    // Tabs move with Left/Right (WAI-ARIA tabs); the presenter's → is not taken here.
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    setTab(tab === 'editor' ? 'present' : 'editor');
  }

  return (
    <div className="scenario-main">
      <div className="scenario-tabs" role="tablist" aria-label="Scenario panels" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`scenario-tab-${t.id}`} aria-controls={`scenario-panel-${t.id}`}
            aria-selected={tab === t.id} tabIndex={tab === t.id ? 0 : -1} className="scenario-tab" onClick={() => setTab(t.id)}>
            {t.label}{t.id === 'present' && presenting ? ' •' : ''}
          </button>
        ))}
      </div>
      <div className="scenario-panel" role="tabpanel" id={`scenario-panel-${tab}`} aria-labelledby={`scenario-tab-${tab}`}>
        {tab === 'present' ? <PresenterPanel /> : opened ? <ScenarioEditor /> : (
          <p className="empty">Open a scenario from the library, open a YAML file from disk, or paste one.</p>
        )}
      </div>
    </div>
  );
}
