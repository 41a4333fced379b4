/**
 * Schemas and types of the Lab API (docs/lab-api.md), shared by lab/ (server) and renderer/
 * (client). Depends on zod only. Each zod schema and its inferred type share a name.
 */
/** The one error shape of the API, its codes and the per-field problem. */
export { LabError, LabErrorCode, Problem } from './errors';
/** Conversations, messages, the customer's chat view, handoff, the chat clock. */
export {
  Channel, Role, ConversationStatus, Customer, StartConversationBody, SayBody, HandoffBody, Message, ChatEntry, ChatView,
  Conversation, ConversationSummary, ConversationList, Handoff, HandoffResult, AdvanceClockBody,
} from './conversations';
/** The engine's settings (secrets masked as MASK), Test & Save, the webhook URL and its rotation. */
export {
  MASK, CreatioAuthSettings, AiFieldSettings, OutboxSettings, EngineSettingsView, EngineSettingsBody, SettingsTestResult, WebhookUrl,
  RotateWebhookTokenResult,
} from './settings';
/** The outbox, the webhook log and raw webhook sends. */
export {
  ErrorInfo, OutboxItem, OutboxQuery, OutboxList, OutboxRetryResult, WebhookLogEntry, WebhookLog, SendWebhookBody, SendWebhookResult,
} from './outbox-webhooks';
/** The event stream. */
export { LabEventSource, LabEvent, EventsQuery, EventHistory } from './events';
/** The simulated site's processes, process log, faults and journal (passed through). */
export {
  ProcessFromTemplate, ProcessDefinition, ProcessBody, Process, ProcessList, FireProcessBody, ProcessLogEntry, ProcessLog, ProcessLogQuery,
  FaultsBody, FaultsState, JournalQuery, Journal,
} from './creatio-admin';
/** A process's request rendered for a record without sending it (the editor's live preview). */
export {
  ProcessPreviewBody, ProcessIssue, ProcessRequest, ProcessPreview, CheckedProcess, CheckedProcessList, ProcessRun, ProcessRunList,
} from './process-preview';
/** The site's journal entries and fault state as the Timeline, Faults and OData views read them. */
export { JournalEntry, JournalEntries, FaultsStatus } from './site-diagnostics';
/** The site's OData 4 through the Lab API (`/api/creatio/odata/*`), signed in as Supervisor. */
export { ODataWriteBody, ODataLookup, ODataRow, ODataCollection, ODataErrorBody } from './creatio-odata';
/** Workspace reset and snapshots, health and info. */
export { SnapshotName, Snapshot, SnapshotList, SaveSnapshotBody, Done, LabMode, Health, LabInfo } from './workspace';
/** The Scenarios view: the library, checking a scenario, runs in a fresh lab, the presenter on the current lab. */
export {
  ScenarioSummary, ScenarioLibrary, ScenarioFileQuery, ScenarioFileText, ScenarioCheckBody, ScenarioSource, ScenarioProblem, ScenarioStepInfo,
  ScenarioCheckResult, ScenarioStepResult, ScenarioTimelineEntry, ScenarioRunStarted, ScenarioRun, ScenarioRunList, ScenarioStepEndedData,
  PresenterStep, PresenterState, PresenterNextResult,
} from './scenarios';
/** Every route with its schemas (the OpenAPI file is generated from it). */
export { LAB_ROUTES, type LabRoute } from './routes';
