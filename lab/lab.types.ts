/**
 * The lab's shape (issue 5): what `startLab()` returns. The Lab API (lab/api), the CLI's `serve`,
 * the scenario runner (lab/scenarios) and the desktop shell all drive the lab through this object.
 */
import type { AiConfigInput, EngineSettings, EngineSettingsInput, SyncEngine } from '../engine';
import type { FakeChat } from '../fake-chat';
import type { MockCreatio } from '../mock-creatio';

/** The two case-creation modes (seed: "Create case only on handoff" off / on). */
export type LabMode = 'every-conversation' | 'handoff-only';

export interface LabOptions {
  /** The workspace folder: `creatio/` (site), `engine/` (engine log + settings), `chat/`, `lab.json`. */
  workspace: string;
  /** Sets "Create case only on handoff" at start; absent: the workspace's saved setting (default every-conversation). */
  mode?: LabMode;
  /** Interface for every server; loopback only (default 127.0.0.1). */
  host?: string;
  /** Port of the Lab API + UI server (0, the default, picks a free one). Site and webhook receiver always take free ports. */
  port?: number;
  /** Seed for the engine's ids, the chat's ids and jitter: two runs with the same seed repeat. Absent: crypto randomness. */
  seed?: number;
  /** 'fsync' (default) or 'none' (scenario runs in throwaway workspaces). */
  durability?: 'fsync' | 'none';
  /** Per-launch API token; default 32 random bytes, base64url. */
  apiToken?: string;
  /** Engine settings applied over the saved ones at start (scenarios). */
  settings?: Partial<EngineSettingsInput>;
  /** The simulated AI's configuration (default: the Lumen Home shop). */
  ai?: AiConfigInput;
  /** Folder with the built UI (renderer) to serve at `/`; absent: a placeholder page that says the UI is not built. */
  uiDir?: string;
}

/** Where the lab's parts are reachable. */
export interface LabUrls {
  /** The simulated Creatio site's base URL (OData at `${creatio}/0/odata/`). */
  creatio: string;
  /** The engine's webhook URL with the token masked (`.../backend/creatio/webhook/***`): printable. */
  webhook: string;
  /** The UI (served by the Lab API server). */
  ui: string;
  /** The Lab API base (`${ui}api`). */
  api: string;
}

export type LabEventSource = 'engine' | 'creatio' | 'process' | 'chat' | 'lab';

/**
 * One event of any part of the lab, as `GET /api/events` streams it and scenarios wait for it.
 * `type` keeps the part's own name (`case.created`, `record.inserted`, `process.ran`,
 * `chat.message-shown`, `lab.reset`); secrets are redacted before an event enters the bus.
 */
export interface LabEvent {
  /** Increasing from 1 for the lab's lifetime (the SSE id; `Last-Event-ID` resumes after it). */
  seq: number;
  at: string;
  source: LabEventSource;
  type: string;
  conversationId?: string;
  caseId?: string;
  data: Record<string, unknown>;
}

export interface LabEventBus {
  /** Listener sees every event published after subscribing. */
  subscribe(listener: (event: LabEvent) => void): () => void;
  /** Events kept in memory (the last 10,000), optionally only those after `afterSeq`. */
  history(afterSeq?: number): LabEvent[];
  publish(event: Omit<LabEvent, 'seq' | 'at'> & { at?: string }): LabEvent;
}

export interface Lab {
  readonly urls: LabUrls;
  /** The per-launch Lab API token (Authorization: Bearer). */
  readonly token: string;
  readonly workspace: string;
  readonly site: MockCreatio;
  /** The running engine (replaced by `reset`/`restoreSnapshot`: read it each time, do not keep it). */
  readonly engine: SyncEngine;
  readonly chat: FakeChat;
  readonly events: LabEventBus;
  /** Current mode, from the engine's settings. */
  mode(): LabMode;
  /** The full, secret webhook URL (what a Creatio process's "Call web service" must call). */
  webhookUrl(): string;
  /** Current engine settings (secrets included: callers redact before showing them). */
  settings(): EngineSettings;
  /** Validates, saves to the workspace and applies the settings to the engine. */
  updateSettings(input: EngineSettingsInput): Promise<EngineSettings>;
  /**
   * A new webhook token (engine.rotateWebhookToken), saved; processes calling the old URL call the
   * new one. Use this rather than `engine.rotateWebhookToken()`, which would leave them on the old URL.
   */
  rotateWebhookToken(): Promise<void>;
  /** Starts a conversation: the engine's session and the customer's chat window. */
  startConversation(input: { customer: { name: string; email?: string; phone?: string }; channel: 'web' | 'email' | 'sms' | 'whatsapp' }): Promise<string>;
  /** The customer writes (chat entry first, then the engine with the entry id as clientMessageId). */
  say(conversationId: string, text: string): Promise<void>;
  /** Resolves once the engine's outbox is drained, the site's queued process runs are done and their webhooks handled. */
  whenIdle(): Promise<void>;
  /** Back to a fresh workspace: site seed data, no conversations, no engine log; settings and processes kept. */
  reset(): Promise<void>;
  saveSnapshot(name: string): Promise<{ name: string; createdOn: string }>;
  restoreSnapshot(name: string): Promise<void>;
  listSnapshots(): Promise<{ name: string; createdOn: string }[]>;
  /** Stops everything cleanly (idempotent). */
  close(): Promise<void>;
}
