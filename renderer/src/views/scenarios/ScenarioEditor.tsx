/** The open scenario's YAML (editable), its check result, and the Run / Present actions. */
import { useId, useRef } from 'react';
import { presentOpenScenario } from '../../stores/scenarios/presenter.actions';
import { checkNow, editText, runInFreshLab } from '../../stores/scenarios/scenarios.actions';
import {
  selectCheck, selectEdited, selectEditorError, selectOpened, selectPresenterBusy, selectPresenterError, selectRunError, selectStarting, selectText,
} from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';
import { CheckResult } from './CheckResult';
import { RunResult } from './RunResult';

export function ScenarioEditor() {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const opened = useScenariosStore(selectOpened);
  const text = useScenariosStore(selectText);
  const edited = useScenariosStore(selectEdited);
  const check = useScenariosStore(selectCheck);
  const editorError = useScenariosStore(selectEditorError);
  const starting = useScenariosStore(selectStarting);
  const runError = useScenariosStore(selectRunError);
  const presenterBusy = useScenariosStore(selectPresenterBusy);
  const presenterError = useScenariosStore(selectPresenterError);
  const loads = check?.ok === true;
  const title = opened?.kind === 'library' ? opened.path : opened?.name ?? '';

  /** Puts the caret at a problem's line and column. */
  function goTo(line: number, column: number) {
    const area = box.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(0, column - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  return (
    <div className="scenario-editor">
      <div className="editor-head">
        <h2>{title}{edited && <span className="badge edited-badge">edited</span>}</h2>
        <div className="editor-actions">
          <button type="button" className="button" onClick={() => void checkNow()}>Check</button>
          <button type="button" className="button primary" disabled={!loads || starting} onClick={() => void runInFreshLab()}>Run in a fresh lab</button>
          <button type="button" className="button" disabled={!loads || presenterBusy} onClick={() => void presentOpenScenario()}>Present on this lab</button>
        </div>
      </div>
      <label htmlFor={`${id}-yaml`} className="visually-hidden">Scenario YAML</label>
      <textarea id={`${id}-yaml`} ref={box} className="yaml-text" spellCheck={false} rows={14} value={text}
        placeholder="Paste a scenario here (name:, steps:) — docs/scenarios.md describes the file" onChange={(e) => editText(e.target.value)} />
      {editorError && <p className="form-error" role="alert">{editorError}</p>}
      {runError && <p className="form-error" role="alert">Could not start the run: {runError}</p>}
      {presenterError && <p className="form-error" role="alert">Could not present it: {presenterError}</p>}
      <CheckResult onProblem={goTo} />
      <RunResult />
    </div>
  );
}
