/**
 * Agent replies from Creatio to the customer (issue 4, `new_activity`). Read-all-and-diff: a webhook
 * only says "look at this case"; the engine reads all of the case's activities in CreatedOn order
 * and takes those it neither wrote itself nor handled before. So a duplicate webhook finds nothing
 * new, a late or out-of-order one finds everything written up to then, and none is skipped. Runs are
 * serialized per conversation (a webhook arriving during a run asks for one more run), and the
 * webhook stays pending in the state until its read succeeded: Creatio being down is retried with
 * backoff, across restarts. Replies are stored before delivery and delivered in order; the channel
 * dedupes by message id, so a crash between delivery and its record repeats nothing visible.
 */
import { type CreatioClient } from '../creatio';
import { toEngineError } from '../engine-error';
import type { DurableEvent, ErrorInfo, TransientEvent } from '../events';
import { retryDelay } from '../outbox/backoff';
import type { ActivityLogPayload } from '../outbox/outbox-types';
import type { Channel, Clock, Random } from '../ports';
import type { ConversationState, EngineState } from '../state/reducer';
import type { EngineSettings } from '../settings';
import { htmlToText } from './html-text';
import { webhookStateOf } from './webhook-state';

export interface ReplySyncDeps {
  state: EngineState;
  clock: Clock;
  random: Random;
  channel: Channel;
  client: () => CreatioClient;
  settings: () => EngineSettings;
  /** Applies durable events to the state at once and resolves once they are stored (then emitted). */
  commit: (events: DurableEvent[]) => Promise<void>;
  emit: (event: TransientEvent) => void;
  /** What a read did for the webhooks it answered (the webhook log notes it). */
  onHandled: (webhookIds: string[], summary: string) => void;
}

/** Text of an agent's activity: Body (HTML stripped when IsHtmlBody), else its Title. */
export function activityText(row: Record<string, unknown>): string {
  const body = typeof row.Body === 'string' ? row.Body : '';
  const text = row.IsHtmlBody === true ? htmlToText(body) : body.trim();
  if (text) return text;
  return typeof row.Title === 'string' ? row.Title.trim() : '';
}

const infoOf = (error: unknown): ErrorInfo => {
  const e = toEngineError(error);
  return { code: e.code, message: e.message, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
};

export function createReplySync(deps: ReplySyncDeps) {
  const { state, clock, random } = deps;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const attempts = new Map<string, number>();
  const timers = new Map<string, () => void>();
  let stopped = false;
  const nowIso = () => new Date(clock.now()).toISOString();

  /** Activities the engine wrote for this conversation (reducer-noted, plus older logs' messages and outbox). */
  function ownActivities(c: ConversationState): Set<string> {
    const own = new Set(webhookStateOf(c).ownActivityIds);
    for (const m of c.messages) if (m.activityId && m.role !== 'agent') own.add(m.activityId);
    for (const item of state.outbox.values()) {
      if (item.conversationId === c.id && item.kind === 'activity.log') own.add((item.payload as ActivityLogPayload).activityId);
    }
    return own;
  }

  /** The events for the activities not seen yet, in the order Creatio lists them (CreatedOn). */
  function diff(c: ConversationState, caseId: string, rows: Record<string, unknown>[], webhookIds: string[]): { events: DurableEvent[]; summary: string } {
    const own = ownActivities(c);
    const handled = new Set(webhookStateOf(c).handledActivityIds);
    const events: DurableEvent[] = [];
    const skipped: string[] = [];
    let atMs = Math.max(clock.now(), Date.parse(c.lastAt) + 1);
    for (const row of rows) {
      if (typeof row.Id !== 'string') continue;
      const activityId = row.Id.toLowerCase();
      if (own.has(activityId) || handled.has(activityId)) continue;
      handled.add(activityId);
      const text = activityText(row);
      if (!text) {
        skipped.push(activityId);
        continue;
      }
      // Each reply strictly after the previous one: the transcript keeps the agent's order.
      const at = new Date(atMs).toISOString();
      atMs += 1;
      events.push({ type: 'agent.replied', at, conversationId: c.id, messageId: activityId, activityId, caseId, text });
    }
    events.push({
      type: 'webhook.handled', at: nowIso(), conversationId: c.id, webhookIds, caseId, ...(skipped.length ? { skippedActivityIds: skipped } : {}),
    });
    return { events, summary: `read ${rows.length} activities: ${events.length - 1} new agent replies, ${skipped.length} without text` };
  }

  function retryLater(conversationId: string, error?: ErrorInfo): number {
    const n = (attempts.get(conversationId) ?? 0) + 1;
    attempts.set(conversationId, n);
    const delayMs = retryDelay({ attempts: n, ...deps.settings().outbox, random, retryAfterMs: error?.retryAfterMs });
    timers.get(conversationId)?.();
    timers.set(conversationId, clock.setTimer(() => {
      timers.delete(conversationId);
      schedule(conversationId);
    }, delayMs));
    return delayMs;
  }

  /** Delivers stored replies and notices in order; stops at the first failure (order kept) and retries later. */
  async function deliverStored(c: ConversationState): Promise<boolean> {
    for (const messageId of [...webhookStateOf(c).undelivered]) {
      const message = c.messages.find((m) => m.id === messageId);
      const role = message?.role === 'system' ? 'system' : 'agent';
      let reason: string | undefined;
      if (message) {
        try {
          const result = await deps.channel.deliver({ id: messageId, conversationId: c.id, role, text: message.text });
          if (!result.delivered) reason = result.reason;
        } catch (error) {
          reason = error instanceof Error ? error.message : String(error);
        }
      }
      if (reason !== undefined) {
        const delayMs = retryLater(c.id);
        deps.emit({ type: 'reply.delivery-failed', at: nowIso(), conversationId: c.id, messageId, reason, delayMs });
        return false;
      }
      await deps.commit([{ type: 'reply.delivered', at: nowIso(), conversationId: c.id, messageId, role }]);
    }
    return true;
  }

  async function runOnce(conversationId: string): Promise<void> {
    const c = state.conversations.get(conversationId);
    if (!c) return;
    const w = webhookStateOf(c);
    if (w.pendingWebhooks.length > 0 && c.caseId) {
      const caseId = c.caseId;
      const batch = [...w.pendingWebhooks];
      let rows: Record<string, unknown>[];
      try {
        // Reference creatio-api.md §1.3: a bare GUID literal in $filter; stable order by CreatedOn.
        rows = await deps.client().query('Activity', {
          filter: `CaseId eq ${caseId}`, orderby: 'CreatedOn', select: ['Id', 'Title', 'Body', 'IsHtmlBody', 'CreatedOn'],
        });
      } catch (thrown) {
        const error = infoOf(thrown);
        const delayMs = retryLater(conversationId, error);
        deps.emit({ type: 'webhook.fetch-failed', at: nowIso(), conversationId, caseId, attempts: attempts.get(conversationId)!, delayMs, error });
        await deliverStored(c);
        return;
      }
      const { events, summary } = diff(c, caseId, rows, batch);
      await deps.commit(events);
      deps.onHandled(batch, summary);
    }
    if (await deliverStored(c)) attempts.delete(conversationId);
  }

  async function loop(conversationId: string): Promise<void> {
    do {
      again.delete(conversationId);
      try {
        await runOnce(conversationId);
      } catch (thrown) {
        // Only the store can fail here: keep the work pending in memory and try again later.
        const error = infoOf(thrown);
        const delayMs = retryLater(conversationId, error);
        deps.emit({ type: 'webhook.fetch-failed', at: nowIso(), conversationId, caseId: '', attempts: attempts.get(conversationId)!, delayMs, error });
        return;
      }
    } while (again.has(conversationId) && !stopped);
  }

  /** Asks for a run for this conversation (now, or right after the one in progress). */
  function schedule(conversationId: string): void {
    if (stopped) return;
    if (running.has(conversationId)) {
      again.add(conversationId);
      return;
    }
    timers.get(conversationId)?.();
    timers.delete(conversationId);
    const run = loop(conversationId).finally(() => running.delete(conversationId));
    running.set(conversationId, run);
  }

  return {
    schedule,
    /** On start: conversations with stored webhooks or undelivered replies get a run. */
    resume(): void {
      for (const c of state.conversations.values()) {
        const w = c.webhook;
        if (w && (w.pendingWebhooks.length > 0 || w.undelivered.length > 0)) schedule(c.id);
      }
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const cancel of timers.values()) cancel();
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
    /** Resolves when no run is in progress (runs waiting on a retry timer do not count). */
    async whenIdle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
export type ReplySync = ReturnType<typeof createReplySync>;
