/**
 * The lab: the composition root that starts the engine, the simulated Creatio site and the fake
 * chat on loopback. Public face of lab/ (other areas and cross-area tests import only from here).
 */
/** The engine's Store port on the file system: append-only JSON Lines with group commit. */
export { createFileStore, type FileStore, type FileStoreOptions } from './engine-file-store';
/** The engine's webhook receiver over HTTP (issue 4): `POST /backend/creatio/webhook/<token>`. */
export { startWebhookServer, WEBHOOK_PATH, type WebhookServer, type WebhookServerOptions } from './webhook-server';
/** The host's real clock for the engine (timers never keep the process alive). */
export { realClock } from './lab-engine';
/** Starts the whole lab (site, engine + webhook receiver, fake chat, Lab API) over a workspace folder. */
export { startLab } from './start-lab';
/** The lab's shapes: the running lab, its options, URLs and event bus. */
export type { Lab, LabOptions, LabUrls, LabMode, LabEvent, LabEventSource, LabEventBus } from './lab.types';
/** Runs one scenario in its own fresh lab: the step executor (issue 5 "Scenarios"). */
export { runScenario, type RunScenarioOptions } from './scenarios/run-scenario';
/** A scenario's timeline without what timing decides: equal for two runs with the same seed. */
export { canonicalTimeline } from './scenarios/timeline';
/** Loads a scenario file (YAML, checked step by step with file, line and column). */
export { loadScenarioFile } from './scenarios/load-scenario';
/** The scenario file's and a scenario run's shapes. */
export type { Scenario, Step, StepAction } from './scenarios/scenario.schema';
export type { ScenarioResult, StepResult, TimelineEntry } from './scenarios/scenario-result';
/** Plans and runs many scenarios with a bounded number at once (what `npm run lab -- run` does). */
export { planScenarioRun, executeRun, type RunPlan, type PlannedScenario, type ExecuteOptions } from './scenarios/run-scenarios';
