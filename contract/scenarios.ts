/**
 * The window's Scenarios view (issue 6): the scenario library, checking a scenario's text, runs in a
 * fresh lab with their results, and the presenter that steps through a scenario on the current lab.
 */
import { z } from 'zod';

const Mode = z.enum(['every-conversation', 'handoff-only']);

/** One file of the library (`GET /api/scenarios`). */
export const ScenarioSummary = z.object({
  /** `test/scenarios/<file>` (the checkout's library) or `workspace/scenarios/<file>`. */
  path: z.string(),
  source: z.enum(['checkout', 'workspace']),
  name: z.string(),
  description: z.string().optional(),
  tags: z.array(z.string()),
  mode: Mode.optional(),
  /** Number of steps (0 when the file does not load). */
  steps: z.number().int().nonnegative(),
  /** `line:column: message` of the first problem when the file does not load. */
  error: z.string().optional(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

/** `GET /api/scenarios` */
export const ScenarioLibrary = z.object({
  scenarios: z.array(ScenarioSummary),
  /** The folders searched, by path prefix. */
  folders: z.array(z.object({ source: z.enum(['checkout', 'workspace']), prefix: z.string() })),
});
export type ScenarioLibrary = z.infer<typeof ScenarioLibrary>;

/** `GET /api/scenarios/file?path=` */
export const ScenarioFileQuery = z.object({ path: z.string().min(1, 'is required (a path from GET /api/scenarios)').max(1_000) });
export type ScenarioFileQuery = z.infer<typeof ScenarioFileQuery>;

export const ScenarioFileText = z.object({ path: z.string(), yaml: z.string() });
export type ScenarioFileText = z.infer<typeof ScenarioFileText>;

const YamlText = z.string().min(1, 'must not be empty').max(500_000, 'is over 500,000 characters');
/** A name for pasted text in error messages (`demo.yaml:4:5: ...`). */
const TextName = z.string().trim().min(1).max(200).optional();

/** `POST /api/scenarios/check`: the YAML text of a scenario. */
export const ScenarioCheckBody = z.object({ yaml: YamlText, name: TextName });
export type ScenarioCheckBody = z.infer<typeof ScenarioCheckBody>;

/** Where a scenario comes from: its text, or a library path. */
export const ScenarioSource = z.object({ yaml: YamlText.optional(), name: TextName, file: z.string().min(1).max(1_000).optional() })
  .refine((body) => (body.yaml === undefined) !== (body.file === undefined), {
    message: 'give either yaml (the scenario text) or file (a path from GET /api/scenarios), not both', path: ['yaml'],
  });
export type ScenarioSource = z.infer<typeof ScenarioSource>;

/** A problem of a file that does not load, with its line and column. */
export const ScenarioProblem = z.object({ file: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() });
export type ScenarioProblem = z.infer<typeof ScenarioProblem>;

/** One step as loaded: the executor's title, its line, and its `note:` if any. */
export const ScenarioStepInfo = z.object({
  index: z.number().int(), action: z.string(), title: z.string(), line: z.number().int(), note: z.string().optional(),
});
export type ScenarioStepInfo = z.infer<typeof ScenarioStepInfo>;

/** `POST /api/scenarios/check`: the scenario as loaded, or every problem with its line and column. */
export const ScenarioCheckResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true), name: z.string(), description: z.string().optional(), tags: z.array(z.string()), mode: Mode,
    steps: z.array(ScenarioStepInfo),
  }),
  z.object({ ok: z.literal(false), errors: z.array(ScenarioProblem) }),
]);
export type ScenarioCheckResult = z.infer<typeof ScenarioCheckResult>;

/** One step of a run, as the reports show it. */
export const ScenarioStepResult = z.object({
  index: z.number().int(), action: z.string(), title: z.string(), line: z.number().int(),
  status: z.enum(['passed', 'failed', 'skipped']), durationMs: z.number(), error: z.string().optional(),
});
export type ScenarioStepResult = z.infer<typeof ScenarioStepResult>;

/** One hop of a run's two-way timeline (customer, engine, creatio, process, webhook). */
export const ScenarioTimelineEntry = z.object({
  t: z.number(), lane: z.enum(['customer', 'engine', 'creatio', 'process', 'webhook']), type: z.string(), summary: z.string(),
  conversationId: z.string().optional(), caseId: z.string().optional(), step: z.number().int().optional(),
});
export type ScenarioTimelineEntry = z.infer<typeof ScenarioTimelineEntry>;

/** `POST /api/scenarios/runs` (202) */
export const ScenarioRunStarted = z.object({ runId: z.string() });
export type ScenarioRunStarted = z.infer<typeof ScenarioRunStarted>;

const RunStatus = z.enum(['running', 'passed', 'failed']);

/** `GET /api/scenarios/runs/:id`: a run in its own fresh lab; `steps` grows as it goes. */
export const ScenarioRun = z.object({
  runId: z.string(), name: z.string(), file: z.string(), status: RunStatus, startedAt: z.string(),
  durationMs: z.number().optional(), totalSteps: z.number().int(),
  steps: z.array(ScenarioStepResult), timeline: z.array(ScenarioTimelineEntry), error: z.string().optional(),
});
export type ScenarioRun = z.infer<typeof ScenarioRun>;

/** `GET /api/scenarios/runs`: the newest 20, newest first, without their timelines. */
export const ScenarioRunList = z.object({ runs: z.array(ScenarioRun.omit({ timeline: true })) });
export type ScenarioRunList = z.infer<typeof ScenarioRunList>;

/** Data of the `scenario.step-ended` event a run publishes on the current lab's bus. */
export const ScenarioStepEndedData = z.object({ runId: z.string(), step: ScenarioStepResult, totalSteps: z.number().int() });
export type ScenarioStepEndedData = z.infer<typeof ScenarioStepEndedData>;

/** One step in the presenter: its narration and, once run, its result. */
export const PresenterStep = z.object({
  index: z.number().int(), action: z.string(), title: z.string(), line: z.number().int(),
  status: z.enum(['pending', 'running', 'passed', 'failed', 'skipped']), durationMs: z.number().optional(), error: z.string().optional(),
  narration: z.string(), note: z.string().optional(),
});
export type PresenterStep = z.infer<typeof PresenterStep>;

/** `GET /api/presenter`: the scenario being presented on the current lab. */
export const PresenterState = z.object({
  status: z.enum(['idle', 'ready', 'running', 'passed', 'failed']),
  name: z.string().optional(), description: z.string().optional(), file: z.string().optional(),
  scenarioMode: Mode.optional(), labMode: Mode,
  /** The scenario's mode, settings or AI are not this lab's (they are never applied to it). */
  warnings: z.array(z.string()),
  /** What to show in big letters: the opening line before the first step, then the step run last (or running). */
  narration: z.string(),
  /** Index of the next step to run (steps.length when the scenario is over). */
  next: z.number().int(),
  steps: z.array(PresenterStep),
});
export type PresenterState = z.infer<typeof PresenterState>;

/** `POST /api/presenter/next`: the step just run and the presenter after it. */
export const PresenterNextResult = z.object({ step: PresenterStep, presenter: PresenterState });
export type PresenterNextResult = z.infer<typeof PresenterNextResult>;
