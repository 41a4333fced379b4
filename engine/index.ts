/**
 * The sync engine (issue 3): the helpdesk side of the helpdesk ↔ Creatio case sync. Public face of
 * engine/: hosts (lab, tests, bench) import only from here.
 */
/** Creates the engine over its ports (clock, random, fetch, store, channel) and the simulated AI. */
export { createSyncEngine } from './sync-engine';
export type { SyncEngine, SyncEngineOptions, StartConversationInput, ReceiveOptions, ReceiveResult } from './sync-engine';
/** Views the engine hands out. */
export type { ConversationView, MessageView } from './views';
export type { ActivityLogPayload, OutboxItemView, OutboxItem, OutboxItemKind, OutboxItemState } from './outbox/outbox-types';
/** Events (the timeline), and the Store record that holds the durable ones. */
export type {
  EngineEvent, EngineEventType, DurableEvent, TransientEvent, EngineRecord, ErrorInfo, HandoffPayload, StateSnapshot,
  ConversationChannel, Customer, MessageRole,
} from './events';
export type { ConversationStatus } from './state/reducer';
export type { SettingsProblem } from './settings-check';
/** Settings page schema and helpers. */
export {
  EngineSettings, type EngineSettingsInput, CreatioAuth, AiFieldMapping, Guid, InstanceUrl, ACTIVITY_TYPE_TASK, describeSettingsProblems,
} from './settings';
/** The engine's one error type. */
export { EngineError, toEngineError, isRetryable, type EngineErrorCode } from './engine-error';
/** Ports the host provides. */
export type { Clock, Random, Fetch, Store, Channel, OutboundMessage } from './ports';
/** The simulated AI. */
export { createSimulatedAi, AiConfig, type AiConfigInput, type SimulatedAi, type AiTurn, type TranscriptEntry } from './ai';
/** The webhook receiver (issue 4): request/response shapes, the log, event types, helpers tests use. */
export {
  CLOSURE_NOTICE, WEBHOOK_EVENT_TYPES, WEBHOOK_MAX_BYTES, NOT_FOUND as WEBHOOK_NOT_FOUND, constantTimeEqual, htmlToText, checkWebhookRequest,
  type WebhookRequest, type WebhookResponse, type WebhookLogEntry, type WebhookEventType, type WebhookProblem,
} from './webhook';
/** Retry delays (exported for the settings page's preview and for tests). */
export { retryDelay, backoffCeiling } from './outbox/backoff';
