/**
 * The engine's webhook receiver (issue 4; seed "Webhook event reference"): checks a request
 * (webhook-request.ts), logs it, and does what its event asks. Host-agnostic: the lab's HTTP server
 * (lab/webhook-server.ts) only hands it the token, content type, size and body.
 *  - new_activity: stored (durable) and answered 202; the case is read and replies delivered after
 *    (reply-sync.ts).
 *  - case_closed: the conversation is resolved and a notice queued for the customer, answered 200
 *    once stored; an already resolved conversation (the engine resolved it itself, or a second
 *    closure) is left alone: no loop, no second notice.
 *  - case_updated: 200, nothing done. A case no conversation has: 200, logged as ignored.
 */
import type { DurableEvent, TransientEvent } from '../events';
import type { Random } from '../ports';
import type { ConversationState, EngineState } from '../state/reducer';
import type { EngineSettings } from '../settings';
import type { ReplySync } from './reply-sync';
import { createWebhookLog, type WebhookLogEntry } from './webhook-log';
import { checkWebhookRequest, tokenMatches, utf8Length, type ValidWebhook, type WebhookRequest, type WebhookResponse } from './webhook-request';

/** What the customer sees when the agent closes the case. */
export const CLOSURE_NOTICE = 'This conversation was resolved.';

export interface WebhookReceiverDeps {
  state: EngineState;
  random: Random;
  settings: () => EngineSettings;
  running: () => boolean;
  commit: (events: DurableEvent[]) => Promise<void>;
  emit: (event: TransientEvent) => void;
  nowIso: () => string;
  replies: () => ReplySync;
  /** Ring size of the webhook log (default 1,000). */
  logCapacity?: number;
}

type Outcome = Pick<WebhookLogEntry, 'outcome' | 'detail' | 'conversationId' | 'webhookId'>;

const respond = (status: number, body: Record<string, unknown>) => ({ status, body });

export function createWebhookReceiver(deps: WebhookReceiverDeps) {
  const log = createWebhookLog(deps.logCapacity ?? 1_000);

  function conversationOfCase(caseId: string): ConversationState | undefined {
    for (const c of deps.state.conversations.values()) if (c.caseId === caseId) return c;
    return undefined;
  }

  /** Does what a valid webhook asks; resolves with the response and what the log should say. */
  async function act(webhook: ValidWebhook, at: string): Promise<{ response: WebhookResponse; outcome: Outcome }> {
    const { eventType, caseId } = webhook;
    const c = conversationOfCase(caseId);
    if (!c) {
      const reason = 'no conversation has this case';
      deps.emit({ type: 'webhook.ignored', at, eventType, caseId, reason });
      return { response: respond(200, { status: 'ignored', reason }), outcome: { outcome: 'ignored', detail: reason } };
    }
    const conversationId = c.id;
    if (eventType === 'case_updated') {
      deps.emit({ type: 'webhook.acknowledged', at, eventType, caseId, conversationId });
      return { response: respond(200, { status: 'acknowledged' }), outcome: { outcome: 'acknowledged', conversationId } };
    }
    if (eventType === 'case_closed' && c.status === 'resolved') {
      const reason = 'the conversation is already resolved';
      deps.emit({ type: 'webhook.ignored', at, eventType, caseId, reason, conversationId });
      return { response: respond(200, { status: 'already_resolved' }), outcome: { outcome: 'already-resolved', detail: reason, conversationId } };
    }
    const webhookId = deps.random.uuid();
    const events: DurableEvent[] = [{ type: 'webhook.received', at, conversationId, webhookId, eventType, caseId }];
    if (eventType === 'case_closed') {
      events.push({ type: 'conversation.closed', at, conversationId, caseId, noticeId: deps.random.uuid(), notice: CLOSURE_NOTICE });
    }
    await deps.commit(events); // durable before it is acknowledged: never lost
    deps.replies().schedule(conversationId);
    if (eventType === 'case_closed') {
      return { response: respond(200, { status: 'resolved', webhookId }), outcome: { outcome: 'resolved', conversationId, webhookId } };
    }
    return { response: respond(202, { status: 'accepted', webhookId }), outcome: { outcome: 'accepted', conversationId, webhookId } };
  }

  async function handle(request: WebhookRequest): Promise<WebhookResponse> {
    const at = deps.nowIso();
    const secret = deps.settings().webhookToken;
    const body = typeof request.body === 'string' ? request.body : '';
    const entry = {
      at, token: tokenMatches(request.token, secret) ? 'valid' as const : 'wrong' as const,
      ...(request.contentType !== undefined ? { contentType: String(request.contentType).slice(0, 200) } : {}),
      size: request.contentLength ?? utf8Length(body), body, ...(request.headers ? { headers: request.headers } : {}),
    };
    // What the receiver answered and how long it took, for the log (issue 6: the Webhooks view).
    const answered = (response: WebhookResponse) => ({ response: response.body, durationMs: Math.max(0, Date.parse(deps.nowIso()) - Date.parse(at)) });
    const checked = checkWebhookRequest({ ...request, body }, secret);
    if (!checked.ok) {
      const { status, body: errorBody } = checked.response;
      const error = (errorBody as { error: { code: string; message: string } }).error;
      log.add({ ...entry, status, outcome: 'rejected', detail: `${error.code}: ${error.message}`, ...answered(checked.response) }, secret);
      deps.emit({ type: 'webhook.rejected', at, status, code: error.code, message: error.message });
      return checked.response;
    }
    const { eventType, caseId } = checked.webhook;
    if (!deps.running()) {
      const response = { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'the engine is not running; send again later' } } };
      log.add({ ...entry, status: 503, outcome: 'unavailable', eventType, caseId, ...answered(response) }, secret);
      return response;
    }
    try {
      const { response, outcome } = await act(checked.webhook, at);
      log.add({ ...entry, status: response.status, eventType, caseId, ...outcome, ...answered(response) }, secret);
      return response;
    } catch (thrown) {
      // The store failed: nothing was acknowledged, the sender may send again.
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      const response = { status: 500, body: { error: { code: 'INTERNAL', message: 'the webhook could not be stored' } } };
      log.add({ ...entry, status: 500, outcome: 'failed', detail: message, eventType, caseId, ...answered(response) }, secret);
      return response;
    }
  }

  return { handle, log: log.list, noteResult: log.result };
}
export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;
