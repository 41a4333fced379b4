/**
 * The lab: the composition root that starts the engine, the simulated Creatio site and the fake
 * chat on loopback. Public face of lab/ (other areas and cross-area tests import only from here).
 */
/** The engine's Store port on the file system: append-only JSON Lines with group commit. */
export { createFileStore, type FileStore, type FileStoreOptions } from './engine-file-store';
/** The engine's webhook receiver over HTTP (issue 4): `POST /backend/creatio/webhook/<token>`. */
export { startWebhookServer, WEBHOOK_PATH, type WebhookServer, type WebhookServerOptions } from './webhook-server';
/** Starts the whole lab (site, engine + webhook receiver, fake chat, Lab API) over a workspace folder. */
export { startLab } from './start-lab';
/** The lab's shapes: the running lab, its options, URLs and event bus. */
export type { Lab, LabOptions, LabUrls, LabMode, LabEvent, LabEventSource, LabEventBus } from './lab.types';
