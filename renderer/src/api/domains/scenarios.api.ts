/**
 * The Lab API calls of the Scenarios view (issue 6): the scenario library, checking a text, runs in a
 * fresh lab, and the presenter on this lab. Only lab-client.ts composes this; views call labClient().
 */
import {
  PresenterNextResult, PresenterState, ScenarioCheckResult, ScenarioFileText, ScenarioLibrary, ScenarioRun, ScenarioRunStarted,
  type ScenarioCheckBody,
} from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

/** A scenario by its text (`name` names it in errors) or by its library path. */
export type ScenarioSourceBody = { yaml: string; name?: string } | { file: string };

export function scenariosApi(h: ApiHelpers) {
  return {
    /** `GET /api/scenarios`: test/scenarios of the checkout and <workspace>/scenarios. */
    scenarioLibrary: () => h.call(ScenarioLibrary, 'GET', '/scenarios'),
    /** `GET /api/scenarios/file?path=`: a library file's YAML. */
    scenarioFile: (path: string) => h.call(ScenarioFileText, 'GET', `/scenarios/file?path=${encodeURIComponent(path)}`),
    /** `POST /api/scenarios/check`: loads the text without running it. */
    checkScenario: (body: ScenarioCheckBody) => h.call(ScenarioCheckResult, 'POST', '/scenarios/check', body),
    /** `POST /api/scenarios/runs`: runs it in its own fresh lab (202 with the run id). */
    startScenarioRun: (body: ScenarioSourceBody) => h.call(ScenarioRunStarted, 'POST', '/scenarios/runs', body),
    /** `GET /api/scenarios/runs/:id`: steps so far, timeline, status. */
    scenarioRun: (runId: string) => h.call(ScenarioRun, 'GET', `/scenarios/runs/${h.id(runId)}`),
    /** `GET /api/presenter` */
    presenterState: () => h.call(PresenterState, 'GET', '/presenter'),
    /** `POST /api/presenter`: loads a scenario to present on this lab. */
    presenterLoad: (body: ScenarioSourceBody) => h.call(PresenterState, 'POST', '/presenter', body),
    /** `POST /api/presenter/next`: runs the next step; answers when it has ended. */
    presenterNext: () => h.call(PresenterNextResult, 'POST', '/presenter/next', {}),
    /** `POST /api/presenter/reset`: back to before the first step, fresh aliases. */
    presenterReset: () => h.call(PresenterState, 'POST', '/presenter/reset', {}),
  };
}
