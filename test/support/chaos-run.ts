/**
 * Shared pieces of the chaos runs (issue 3 "Acceptance": 1,000 messages over 50 conversations with
 * the site failing 20% of requests and down twice for 5 s; test/integration/engine-chaos*.test.ts):
 * the message plan, the fault phases, and the check of the outcome over OData, as a Creatio user
 * would query it.
 */
import { expect } from 'vitest';
import { type CreatioClient, q, send } from './creatio-client';

export const CONVERSATIONS = 50;
export const MESSAGES = 20;

/** Questions the simulated AI answers from its default knowledge base (no handoff trigger among them). */
const QUESTIONS = ['Which payment methods do you accept?', 'How long does shipping take?', 'Do you ship internationally?', 'What is the warranty?'];

/** Fixed session ids, so a restarted driver or engine process refers to the same conversations. */
export const sessionId = (n: number) => `c4a05000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
export const messageText = (n: number, m: number) => `${QUESTIONS[(n + m) % QUESTIONS.length]} (conversation ${n}, message ${m})`;
export const clientMessageId = (n: number, m: number) => `msg-${n}-${m}`;

/**
 * Fault phases, one after the other (each PUT replaces the previous settings). Every phase fails
 * 20% of requests; the status rotates over 500, 503 with Retry-After and 429 with Retry-After; a few
 * replies are cut off after the write was made; two phases take the site down for 5 s (connections reset).
 */
export const PHASES = {
  errors500: { errorRate: 0.2, errorStatus: 500, cutOffRate: 0.02, seed: 11 },
  outage1: { errorRate: 0.2, errorStatus: 500, cutOffRate: 0.02, seed: 12, downForMs: 5_000, downMode: 'reset' },
  errors503: { errorRate: 0.2, errorStatus: 503, retryAfterSeconds: 1, cutOffRate: 0.02, seed: 13 },
  outage2: { errorRate: 0.2, errorStatus: 429, retryAfterSeconds: 1, cutOffRate: 0.02, seed: 14, downForMs: 5_000, downMode: 'reset' },
  errors429: { errorRate: 0.2, errorStatus: 429, retryAfterSeconds: 1, cutOffRate: 0.02, seed: 15 },
} as const;

/** Outbox settings that ride out a 5 s outage: 30 attempts, backoff capped at 2 s (≥ ~25 s of retries). */
export const CHAOS_OUTBOX = { maxAttempts: 30, baseDelayMs: 50, maxDelayMs: 2_000 };

export async function setFaults(siteUrl: string, faults: object): Promise<void> {
  const reply = await send(`${siteUrl}/__lab/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  if (reply.status !== 200) throw new Error(`PUT /__lab/faults: ${reply.status} ${reply.text}`);
}

export interface FaultState { down: boolean; counters: { dropped: number; errors: number; cutOff: number } }

export async function getFaults(siteUrl: string): Promise<FaultState> {
  return (await send(`${siteUrl}/__lab/faults`)).json as FaultState;
}

export async function clearFaults(siteUrl: string): Promise<void> {
  await send(`${siteUrl}/__lab/faults`, { method: 'DELETE' });
}

/** Polls the admin API until the outage is over (a condition, not a fixed sleep). */
export async function waitUntilUp(siteUrl: string): Promise<void> {
  while ((await getFaults(siteUrl)).down) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Waiting for conditions on counters: `check()` after every change, `until(test)` resolves once `test()` holds. */
export function createConditions() {
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  return {
    check(): void {
      for (const waiter of [...waiters]) {
        if (!waiter.test()) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    until: (test: () => boolean): Promise<void> => (test() ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve }))),
  };
}

/** What the engine holds for one conversation at the end of the run. */
export interface Transcript {
  id: string;
  caseId?: string;
  messages: { role: string; text: string }[];
}

/** Reads every page of a collection (follows @odata.nextLink, reference creatio-api.md §2). */
async function getAll(creatio: CreatioClient, path: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  let next: string | undefined = path;
  while (next) {
    const reply = await creatio.get(next);
    expect(reply.status, `GET ${next}: ${reply.text}`).toBe(200);
    rows.push(...reply.json.value);
    const link = reply.json['@odata.nextLink'] as string | undefined;
    next = link ? link.slice(link.indexOf('/0/odata/') + '/0/odata/'.length) : undefined;
  }
  return rows;
}

/**
 * The acceptance check: one Case per conversation (found by the session id the engine writes in
 * Notes), and its activities are the transcript exactly once, in order — every customer message as
 * sent and every AI reply — ordered by StartDate, with CreatedOn agreeing.
 */
export async function expectCreatioHolds(creatio: CreatioClient, transcripts: Transcript[]): Promise<void> {
  expect(transcripts.map((t) => t.id).sort()).toEqual(Array.from({ length: CONVERSATIONS }, (_, n) => sessionId(n)).sort());
  const allSessions = await getAll(creatio, `Case?$filter=${q("startswith(Notes,'Session ')")}&$select=Id`);
  expect(allSessions, 'cases carrying a session id').toHaveLength(CONVERSATIONS);
  for (const transcript of transcripts) {
    const n = Number(transcript.id.slice(-12)) - 1;
    const label = `conversation ${n}`;
    const customer = transcript.messages.filter((m) => m.role === 'customer').map((m) => m.text);
    expect(customer, `${label}: the engine's transcript`).toEqual(Array.from({ length: MESSAGES }, (_, m) => messageText(n, m)));
    expect(transcript.messages.map((m) => m.role), `${label}: one AI reply per message`).toEqual(customer.flatMap(() => ['customer', 'ai']));
    const cases = await getAll(creatio, `Case?$filter=${q(`startswith(Notes,'Session ${transcript.id} ')`)}&$select=Id`);
    expect(cases, label).toEqual([{ Id: transcript.caseId }]);
    const activities = await getAll(creatio, `Activity?$filter=${q(`CaseId eq ${transcript.caseId}`)}&$orderby=${q('StartDate asc')}&$select=Body,StartDate,CreatedOn`);
    expect(activities.map((a) => a.Body!.split('\n\nView session')[0]), label).toEqual(transcript.messages.map((m) => m.text));
    const created = activities.map((a) => Date.parse(a.CreatedOn!));
    expect(created, `${label}: CreatedOn follows StartDate`).toEqual([...created].sort((a, b) => a - b));
  }
}
