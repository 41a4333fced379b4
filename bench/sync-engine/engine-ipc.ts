/**
 * Messages between the bench (parent) and the engine process (bench/sync-engine/engine-child.ts). The
 * parent is the load driver: it decides when each customer message is sent; the child only calls
 * the engine and times what the engine itself reports (its events), so the driver never runs in
 * the engine's event loop.
 */

/** The engine process's settings, passed as JSON in argv[2]. */
export interface EngineChildConfig {
  /** The simulated Creatio site (instanceUrl). */
  siteUrl: string;
  /** A private temp folder for the engine's log. */
  workDir: string;
  /** The engine's `concurrency` option (Creatio writes in flight); undefined: its default. */
  concurrency?: number;
  /** The engine's `batchLimit` option (outbox items per $batch); undefined: its default. */
  batchLimit?: number;
  /** The engine's `batchesInFlight` option (shared `$batch` requests at once); undefined: its default. */
  batchesInFlight?: number;
}

/** When the driver may send a conversation's next message. */
export type Pacing = 'stored' | 'synced';

export type ToEngine =
  /** Starts `count` conversations named `<prefix>-<n>`, sends each one warm-up message (its case is created) and waits until synced. */
  | { type: 'open'; id: number; prefix: string; count: number }
  /**
   * One customer message; answered by `ack` once receiveMessage resolved (`stored`: the engine
   * acknowledged it) or once its activity was logged in Creatio (`synced`).
   */
  | { type: 'send'; id: number; conversationId: string; text: string; until: Pacing }
  /** Starts a measurement window: clears the latencies and counters. */
  | { type: 'mark'; id: number }
  /**
   * Waits (at most `timeoutMs`) until the outbox has nothing left, then answers with the window's figures.
   * `webhooks`: first wait (same timeout) until that many `new_activity` webhooks were received since `mark`.
   */
  | { type: 'collect'; id: number; timeoutMs: number; webhooks?: number }
  /** The Creatio case of each conversation (the replies bench writes agent activities on them). */
  | { type: 'cases'; id: number; conversationIds: string[] }
  | { type: 'stop' };

/** What one measurement window saw inside the engine process. */
export interface WindowFigures {
  /** Milliseconds from the `receiveMessage` call to `activity.logged` for that message, one per synced customer message. */
  syncMs: number[];
  /**
   * Milliseconds from the `receiveMessage` call to the 2xx answer of the request that carried the message's activity
   * (Creatio has committed it: it is visible there), one per synced customer message, in the order of `syncMs`.
   */
  visibleMs: number[];
  /** Milliseconds from the `receiveMessage` call to its promise resolving (stored, AI reply delivered). */
  ackMs: number[];
  /** When each customer message was acknowledged / synced, milliseconds after `mark`. */
  receivedAtMs: number[];
  syncedAtMs: number[];
  /** Unsynced customer messages (received, activity not yet logged), sampled every 250 ms from `mark`. */
  backlog: number[];
  /** Milliseconds from `mark` to the moment the outbox was idle (undefined: not idle within the timeout). */
  drainedAfterMs?: number;
  /** A sample of synced customer messages, for checking over OData that their activities exist. */
  sample: { messageId: string; activityId: string; caseId: string; text: string }[];
  retries: number;
  /** AI replies the recording channel received since `mark`. */
  delivered: number;
  deadLetters: number;
  /** `new_activity` webhooks received (webhook.received) since `mark`. */
  webhooks: number;
  /** Agent replies the channel received since `mark` (also forwarded one by one as `delivered`). */
  agentDelivered: number;
  /** Event-loop delay in the engine process during the window (max / p99, ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** Garbage collection in the engine process during the window: the longest pause and the sum (ms). */
  gcMaxMs: number;
  gcTotalMs: number;
  rss: number;
}

export type FromEngine =
  /** `webhookUrl`: the engine's webhook receiver (lab/webhook-server.ts), what a site process is pointed at. */
  | { type: 'ready'; webhookUrl: string }
  | { type: 'cased'; id: number; caseIds: (string | undefined)[] }
  /** Sent as the channel takes an agent reply (`activityId`: the reply's message id, its activity's Id). */
  | { type: 'delivered'; activityId: string; conversationId: string }
  | { type: 'opened'; id: number; conversationIds: string[] }
  | { type: 'ack'; id: number }
  | { type: 'marked'; id: number }
  | { type: 'collected'; id: number; figures: WindowFigures }
  | { type: 'error'; id?: number; message: string };
