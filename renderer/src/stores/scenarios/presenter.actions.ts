/**
 * The presenter through the Lab API: load the open scenario on this lab, Next, Reset; and the event
 * subscription that keeps the scenarios store current (`presenter.*` from any window, `scenario.*`
 * of runs in a fresh lab).
 */
import { ScenarioStepEndedData, type LabEvent } from '../../../../contract';
import { labClient } from '../../api/lab-client';
import { onLabEvents, onStreamOpen } from '../../bridge/event-listeners';
import { coalesce } from '../../lib/coalesce';
import { refreshRun } from './scenarios.actions';
import { sourceOf } from './scenarios.selectors';
import { useScenariosStore } from './scenarios.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useScenariosStore.getState();

/** Reads the presenter again (events say it changed); bursts coalesce. */
export const refreshPresenter = coalesce(async () => {
  store().setPresenter(await labClient().presenterState());
}, (error) => console.warn('Could not read the presenter:', error));

async function act(call: () => Promise<void>): Promise<void> {
  if (store().presenterBusy) return;
  store().setPresenterBusy(true);
  try {
    await call();
    store().setPresenterBusy(false);
  } catch (error) {
    store().setPresenterBusy(false, message(error));
  }
}

/** Loads the open scenario on this lab and shows the presenter. */
export function presentOpenScenario(): Promise<void> {
  const source = sourceOf(store());
  if (!source) return Promise.resolve();
  return act(async () => {
    store().setPresenter(await labClient().presenterLoad(source));
    store().setTab('present');
  });
}

/** Runs the next step (nothing while one runs or when the scenario is over). */
export function presenterNext(): Promise<void> {
  const status = store().presenter?.status;
  if (status !== 'ready') return Promise.resolve();
  return act(async () => {
    store().setPresenter((await labClient().presenterNext()).presenter);
  });
}

export function presenterReset(): Promise<void> {
  return act(async () => {
    store().setPresenter(await labClient().presenterReset());
  });
}

function onEvents(events: LabEvent[]): void {
  let presenterChanged = false;
  const finished = new Set<string>();
  for (const event of events) {
    if (event.type.startsWith('presenter.')) presenterChanged = true;
    if (event.type === 'scenario.step-ended') {
      const data = ScenarioStepEndedData.safeParse(event.data);
      if (data.success) store().addRunStep(data.data.runId, data.data.step);
    }
    if (event.type === 'scenario.finished' && typeof event.data.runId === 'string') finished.add(event.data.runId);
  }
  if (presenterChanged) void refreshPresenter();
  // The finished run's timeline comes with the run itself.
  for (const runId of finished) if (store().runs[runId]) void refreshRun(runId);
}

let listening = false;

/** Subscribes the store to the event stream, once for the window's lifetime. */
export function listenToScenarioEvents(): void {
  if (listening) return;
  listening = true;
  onLabEvents(onEvents);
  onStreamOpen(() => {
    void refreshPresenter();
    const { currentRunId } = store();
    if (currentRunId) void refreshRun(currentRunId);
  });
}
