/**
 * Every route of the Lab API with its schemas: the server's tests check each exists, and the
 * OpenAPI file (docs/openapi.json) is generated from this table.
 */
import { z } from 'zod';
import * as admin from './creatio-admin';
import * as conv from './conversations';
import * as odata from './creatio-odata';
import { LabError } from './errors';
import { EventHistory, EventsQuery } from './events';
import * as ow from './outbox-webhooks';
import * as sc from './scenarios';
import * as preview from './process-preview';
import * as settings from './settings';
import * as ws from './workspace';

export interface LabRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path (`/api/conversations/:id`). */
  path: string;
  summary: string;
  /** Tag in the OpenAPI file (the docs' section). */
  group: string;
  /** false: no token needed (health only). */
  auth?: false;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status → schema of the answer; `null`: no body. `text/event-stream` for the SSE route. */
  responses: Record<number, z.ZodType | null | 'text/event-stream'>;
}

const Any = z.unknown();
const r = (route: LabRoute): LabRoute => route;

export const LAB_ROUTES: LabRoute[] = [
  r({ method: 'get', path: '/api/health', group: 'lab', auth: false, summary: 'Is the Lab API up (no token needed)', responses: { 200: ws.Health } }),
  r({ method: 'get', path: '/api/info', group: 'lab', summary: 'Version, mode, workspace and URLs (webhook token masked)', responses: { 200: ws.LabInfo } }),

  r({ method: 'post', path: '/api/conversations', group: 'conversations', summary: 'Start a conversation', body: conv.StartConversationBody, responses: { 201: conv.Conversation } }),
  r({ method: 'get', path: '/api/conversations', group: 'conversations', summary: 'List conversations', responses: { 200: conv.ConversationList } }),
  r({ method: 'get', path: '/api/conversations/:id', group: 'conversations', summary: 'A conversation: transcript, status, case, and the chat as the customer sees it', responses: { 200: conv.Conversation, 404: LabError } }),
  r({ method: 'post', path: '/api/conversations/:id/messages', group: 'conversations', summary: 'The customer writes (the AI answers before this returns; the sync to Creatio follows)', body: conv.SayBody, responses: { 202: conv.Conversation, 404: LabError } }),
  r({ method: 'post', path: '/api/conversations/:id/handoff', group: 'conversations', summary: 'Hand the conversation off to a human agent', body: conv.HandoffBody, responses: { 200: conv.HandoffResult, 404: LabError, 409: LabError } }),
  r({ method: 'post', path: '/api/conversations/:id/resolve', group: 'conversations', summary: 'Resolve the conversation from the helpdesk (idempotent)', responses: { 200: conv.Conversation, 404: LabError } }),
  r({ method: 'post', path: '/api/chat/advance-clock', group: 'conversations', summary: "Move the chat's clock forward (WhatsApp 24-hour window)", body: conv.AdvanceClockBody, responses: { 200: ws.Done } }),

  r({ method: 'get', path: '/api/settings', group: 'settings', summary: "The engine's settings, secrets masked", responses: { 200: settings.EngineSettingsView } }),
  r({ method: 'put', path: '/api/settings', group: 'settings', summary: 'Save and apply the settings (`***` keeps a stored secret)', body: settings.EngineSettingsBody, responses: { 200: settings.EngineSettingsView, 400: LabError } }),
  r({ method: 'post', path: '/api/settings/test', group: 'settings', summary: 'Test settings against Creatio (the body, or the saved settings when there is none)', body: settings.EngineSettingsBody.optional(), responses: { 200: settings.SettingsTestResult, 400: LabError } }),
  r({ method: 'get', path: '/api/settings/webhook-url', group: 'settings', summary: 'The full secret webhook URL, for Creatio\'s "Call web service"', responses: { 200: settings.WebhookUrl } }),
  r({ method: 'post', path: '/api/settings/rotate-webhook-token', group: 'settings', summary: "New webhook token (saved); the old URL answers 404 and the site's processes that called it call the new one", responses: { 200: settings.RotateWebhookTokenResult } }),

  r({ method: 'get', path: '/api/outbox', group: 'engine', summary: "The engine's outbox (every write to Creatio)", query: ow.OutboxQuery, responses: { 200: ow.OutboxList } }),
  r({ method: 'post', path: '/api/outbox/:itemId/retry', group: 'engine', summary: 'Put a dead letter back in the queue', responses: { 200: ow.OutboxRetryResult, 404: LabError, 409: LabError } }),
  r({ method: 'get', path: '/api/webhooks', group: 'engine', summary: "The webhook receiver's log (token never shown)", responses: { 200: ow.WebhookLog } }),
  r({ method: 'post', path: '/api/webhooks/send', group: 'engine', summary: "Send a raw request to the engine's webhook receiver", body: ow.SendWebhookBody, responses: { 200: ow.SendWebhookResult, 502: LabError } }),

  r({ method: 'get', path: '/api/processes', group: 'creatio', summary: "The site's business processes", responses: { 200: admin.ProcessList } }),
  r({ method: 'post', path: '/api/processes', group: 'creatio', summary: 'Create a process (full definition or a seed template)', body: admin.ProcessBody, responses: { 201: admin.Process, 400: LabError } }),
  r({ method: 'get', path: '/api/processes/:id', group: 'creatio', summary: 'One process', responses: { 200: admin.Process, 404: LabError } }),
  r({ method: 'put', path: '/api/processes/:id', group: 'creatio', summary: 'Replace a process (redacted secrets sent back are kept)', body: admin.ProcessDefinition, responses: { 200: admin.Process, 400: LabError, 404: LabError } }),
  r({ method: 'delete', path: '/api/processes/:id', group: 'creatio', summary: 'Delete a process', responses: { 204: null, 404: LabError } }),
  r({ method: 'post', path: '/api/processes/:id/fire', group: 'creatio', summary: 'Run a process now against a record', body: admin.FireProcessBody, responses: { 200: admin.ProcessLogEntry, 404: LabError } }),
  r({ method: 'post', path: '/api/processes/:id/enable', group: 'creatio', summary: 'Enable a process', responses: { 200: admin.Process, 404: LabError } }),
  r({ method: 'post', path: '/api/processes/:id/disable', group: 'creatio', summary: 'Disable a process', responses: { 200: admin.Process, 404: LabError } }),
  r({ method: 'get', path: '/api/process-log', group: 'creatio', summary: 'The process log, oldest first', query: admin.ProcessLogQuery, responses: { 200: admin.ProcessLog } }),
  r({ method: 'delete', path: '/api/process-log', group: 'creatio', summary: 'Empty the process log', responses: { 204: null } }),
  r({ method: 'post', path: '/api/processes/preview', group: 'creatio', summary: 'The request a process (saved or not) would send for a record, rendered without sending it', body: preview.ProcessPreviewBody, responses: { 200: preview.ProcessPreview, 400: LabError, 404: LabError } }),
  r({ method: 'get', path: '/api/faults', group: 'creatio', summary: "The site's faults, whether it is down, counters", responses: { 200: admin.FaultsState } }),
  r({ method: 'put', path: '/api/faults', group: 'creatio', summary: 'Set faults (replacing the previous ones)', body: admin.FaultsBody, responses: { 200: admin.FaultsState, 400: LabError } }),
  r({ method: 'delete', path: '/api/faults', group: 'creatio', summary: 'Clear all faults', responses: { 200: Any, 204: null } }),
  r({ method: 'post', path: '/api/creatio/expire-sessions', group: 'creatio', summary: 'End every forms session on the site', responses: { 200: Any, 204: null } }),
  r({ method: 'post', path: '/api/creatio/revoke-tokens', group: 'creatio', summary: 'Invalidate every OAuth token the site issued', responses: { 200: Any, 204: null } }),
  r({ method: 'get', path: '/api/creatio/journal', group: 'creatio', summary: "The site's request journal, most recent first", query: admin.JournalQuery, responses: { 200: admin.Journal } }),
  r({ method: 'delete', path: '/api/creatio/journal', group: 'creatio', summary: 'Empty the journal', responses: { 204: null } }),

  r({ method: 'get', path: '/api/creatio/odata/:resource', group: 'creatio', summary: "The site's OData 4 (`/0/odata/<resource>?<query>`, any depth) as Supervisor: status and body passed through", responses: { 200: odata.ODataCollection, 400: odata.ODataErrorBody, 404: odata.ODataErrorBody, 502: LabError } }),
  r({ method: 'post', path: '/api/creatio/odata/:resource', group: 'creatio', summary: 'Insert a record as Supervisor (`POST /0/odata/Activity`): 201 with the record', body: odata.ODataWriteBody, responses: { 201: odata.ODataRow, 400: odata.ODataErrorBody, 502: LabError } }),
  r({ method: 'patch', path: '/api/creatio/odata/:resource', group: 'creatio', summary: 'Update a record as Supervisor (`PATCH /0/odata/Case(<id>)`): 204', body: odata.ODataWriteBody, responses: { 204: null, 400: odata.ODataErrorBody, 404: odata.ODataErrorBody, 502: LabError } }),
  r({ method: 'delete', path: '/api/creatio/odata/:resource', group: 'creatio', summary: 'Delete a record as Supervisor: 204', responses: { 204: null, 404: odata.ODataErrorBody, 502: LabError } }),

  r({ method: 'post', path: '/api/workspace/reset', group: 'workspace', summary: 'Back to a fresh workspace (settings and processes kept)', responses: { 200: ws.Done } }),
  r({ method: 'get', path: '/api/workspace/snapshots', group: 'workspace', summary: 'List snapshots', responses: { 200: ws.SnapshotList } }),
  r({ method: 'post', path: '/api/workspace/snapshots', group: 'workspace', summary: 'Save a snapshot of the whole workspace', body: ws.SaveSnapshotBody, responses: { 201: ws.Snapshot } }),
  r({ method: 'post', path: '/api/workspace/snapshots/:name/restore', group: 'workspace', summary: 'Restore a snapshot', responses: { 200: ws.Done, 404: LabError } }),

  r({ method: 'get', path: '/api/events', group: 'events', summary: 'Server-sent events: every event of every part (Last-Event-ID or ?after= resumes)', query: EventsQuery, responses: { 200: 'text/event-stream' } }),
  r({ method: 'get', path: '/api/events/history', group: 'events', summary: 'Kept events as JSON (scripts)', query: EventsQuery, responses: { 200: EventHistory } }),

  r({ method: 'get', path: '/api/scenarios', group: 'scenarios', summary: 'The scenario library: test/scenarios of the checkout and <workspace>/scenarios', responses: { 200: sc.ScenarioLibrary } }),
  r({ method: 'get', path: '/api/scenarios/file', group: 'scenarios', summary: "A library file's YAML text (only files inside the library's folders)", query: sc.ScenarioFileQuery, responses: { 200: sc.ScenarioFileText, 400: LabError, 404: LabError } }),
  r({ method: 'post', path: '/api/scenarios/check', group: 'scenarios', summary: 'Load and check a scenario text without running it (problems with line and column)', body: sc.ScenarioCheckBody, responses: { 200: sc.ScenarioCheckResult } }),
  r({ method: 'post', path: '/api/scenarios/runs', group: 'scenarios', summary: 'Run a scenario in its own fresh lab; progress as scenario.* events', body: sc.ScenarioSource, responses: { 202: sc.ScenarioRunStarted, 400: LabError, 404: LabError, 409: LabError } }),
  r({ method: 'get', path: '/api/scenarios/runs', group: 'scenarios', summary: 'The newest 20 runs, newest first', responses: { 200: sc.ScenarioRunList } }),
  r({ method: 'get', path: '/api/scenarios/runs/:id', group: 'scenarios', summary: "A run: its steps, timeline and status", responses: { 200: sc.ScenarioRun, 404: LabError } }),
  r({ method: 'get', path: '/api/presenter', group: 'scenarios', summary: 'The presenter: the scenario being stepped through on this lab', responses: { 200: sc.PresenterState } }),
  r({ method: 'post', path: '/api/presenter', group: 'scenarios', summary: "Load a scenario to present on this lab (fresh aliases; the scenario's mode and settings are not applied)", body: sc.ScenarioSource, responses: { 200: sc.PresenterState, 400: LabError, 404: LabError, 409: LabError } }),
  r({ method: 'post', path: '/api/presenter/next', group: 'scenarios', summary: 'Run the next step (with its expectations and timeouts) and answer its result', responses: { 200: sc.PresenterNextResult, 409: LabError } }),
  r({ method: 'post', path: '/api/presenter/reset', group: 'scenarios', summary: 'Back to before the first step, with fresh aliases', responses: { 200: sc.PresenterState, 409: LabError } }),
];
