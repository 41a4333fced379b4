/**
 * The Scenarios view's routes (issue 6, docs/lab-api.md "Scenarios"): the library, checking a text,
 * runs in a fresh lab (each its own lab, progress as `scenario.*` events on this lab's bus), and the
 * presenter that steps through a scenario on THIS lab.
 */
import { Router } from 'express';
import { ScenarioCheckBody, ScenarioFileQuery, ScenarioSource } from '../../contract';
import type { Lab } from '../lab.types';
import { createScenarioLibrary, defaultCheckoutScenarios, LibraryPathError, type ScenarioLibrary } from '../scenarios/library';
import { createScenarioRuns, RunsBusyError, type ScenarioRuns } from '../scenarios/library-runs';
import { formatLoadErrors, parseScenarioText, type LoadResult } from '../scenarios/load-scenario';
import { createPresenter, PresenterConflictError } from '../scenarios/presenter';
import type { RunScenarioFn } from '../scenarios/run-scenarios';
import type { Scenario } from '../scenarios/scenario.schema';
import { stepTitle } from '../scenarios/steps';
import { ApiError, parseBody, parseQuery } from './api-error';

export interface ScenariosRouterOptions {
  /** The checkout's `test/scenarios` (default: found from this module, else the working directory's). */
  checkoutDir?: string;
  /** The step executor of runs (tests inject one). */
  runScenario?: RunScenarioFn;
  /** Receives the runs registry (tests wait for runs to settle). */
  onRuns?: (runs: ScenarioRuns) => void;
}

/** What a pasted text is called in its errors when the window gives no name. */
const PASTED = 'scenario.yaml';

export function scenariosRouter(lab: Lab, options: ScenariosRouterOptions = {}): Router {
  const router = Router();
  const library = createScenarioLibrary({ workspace: () => lab.workspace, checkoutDir: options.checkoutDir ?? defaultCheckoutScenarios() });
  const runs = createScenarioRuns({ bus: lab.events, ...(options.runScenario ? { runScenario: options.runScenario } : {}) });
  const presenter = createPresenter({ lab });
  options.onRuns?.(runs);

  router.get('/scenarios', async (_req, res) => {
    res.json({ scenarios: await library.list(), folders: library.folders().map(({ source, prefix }) => ({ source, prefix })) });
  });

  router.get('/scenarios/file', async (req, res) => {
    const { path } = parseQuery(ScenarioFileQuery, req.query);
    res.json({ path, yaml: await libraryCall(() => library.read(path)) });
  });

  router.post('/scenarios/check', (req, res) => {
    const { yaml, name } = parseBody(ScenarioCheckBody, req.body);
    const load = parseScenarioText(yaml, name ?? PASTED);
    if (!load.ok) return void res.json({ ok: false, errors: load.errors });
    const { scenario } = load;
    res.json({
      ok: true, name: scenario.name, tags: scenario.tags, mode: scenario.mode,
      ...(scenario.description ? { description: scenario.description } : {}),
      steps: scenario.steps.map((step, index) => ({
        index, action: step.action, title: stepTitle(step), line: scenario.stepLines[index] ?? 0, ...(step.note ? { note: step.note } : {}),
      })),
    });
  });

  router.post('/scenarios/runs', async (req, res) => {
    const scenario = await loadSource(library, req.body);
    try {
      res.status(202).json({ runId: runs.start(scenario) });
    } catch (error) {
      if (error instanceof RunsBusyError) throw new ApiError(409, 'CONFLICT', error.message);
      throw error;
    }
  });

  router.get('/scenarios/runs', (_req, res) => {
    res.json({ runs: runs.list().map(({ timeline: _timeline, ...run }) => run) });
  });

  router.get('/scenarios/runs/:id', (req, res) => {
    const run = runs.get(req.params.id);
    if (!run) throw new ApiError(404, 'NOT_FOUND', `No scenario run ${JSON.stringify(req.params.id)} (the newest 20 are kept; GET /api/scenarios/runs lists them)`);
    res.json(run);
  });

  router.get('/presenter', (_req, res) => {
    res.json(presenter.state());
  });

  router.post('/presenter', async (req, res) => {
    const scenario = await loadSource(library, req.body);
    res.json(presenterCall(() => presenter.load(scenario)));
  });

  router.post('/presenter/next', async (_req, res) => {
    res.json(await presenterCall(() => presenter.next()));
  });

  router.post('/presenter/reset', (_req, res) => {
    res.json(presenterCall(() => presenter.reset()));
  });

  return router;
}

/** The scenario of a `{yaml}` or `{file}` body; one that does not load is a 400 listing `file:line:column: message`. */
async function loadSource(library: ScenarioLibrary, body: unknown): Promise<Scenario> {
  const source = parseBody(ScenarioSource, body);
  const load: LoadResult = source.file !== undefined
    ? await libraryCall(() => library.load(source.file!), 'file')
    : parseScenarioText(source.yaml!, source.name ?? PASTED);
  if (load.ok) return load.scenario;
  const problems = load.errors.map((e) => ({ field: `${e.file}:${e.line}:${e.column}`, problem: e.message }));
  throw new ApiError(400, 'BAD_REQUEST', `The scenario does not load:\n${formatLoadErrors(load.errors)}`, { problems });
}

async function libraryCall<T>(call: () => Promise<T>, field = 'path'): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LibraryPathError) {
      throw error.kind === 'not-found'
        ? new ApiError(404, 'NOT_FOUND', `${error.message} (GET /api/scenarios lists the library)`)
        : new ApiError(400, 'BAD_REQUEST', `The ${field} is not valid: ${error.message}`, { problems: [{ field, problem: error.message }] });
    }
    throw error;
  }
}

function presenterCall<T>(call: () => T): T {
  try {
    const answer = call();
    // A promise (next) is checked when it settles.
    if (answer instanceof Promise) return answer.catch(asConflict) as T;
    return answer;
  } catch (error) {
    return asConflict(error);
  }
}

function asConflict(error: unknown): never {
  if (error instanceof PresenterConflictError) throw new ApiError(409, 'CONFLICT', error.message);
  throw error;
}
