/**
 * Which parts of the window an event makes stale. Pure, so it is tested without a browser: the bridge
 * applies the answer by reading the Lab API again (events say "this changed", the API says what it is).
 */
import type { LabEvent } from '../../../contract';

export interface Stale {
  /** Conversations to read again. */
  conversations: Set<string>;
  /** The case list. */
  cases: boolean;
  /** Case ids whose page is stale (lower-case). */
  caseIds: Set<string>;
  /** Everything (a reset, a snapshot restored). */
  all: boolean;
}

export function emptyStale(): Stale {
  return { conversations: new Set(), cases: false, caseIds: new Set(), all: false };
}

const RECORDS_OF_THE_DESK = new Set(['Case', 'Activity', 'Contact', 'SysAdminUnit']);

export function markStale(stale: Stale, event: LabEvent): Stale {
  if (event.source === 'lab' && (event.type === 'lab.reset' || event.type === 'snapshot.restored')) stale.all = true;
  if (event.conversationId && (event.source === 'engine' || event.source === 'chat')) stale.conversations.add(event.conversationId);
  if (event.source === 'creatio' && RECORDS_OF_THE_DESK.has(String(event.data.entity))) {
    stale.cases = true;
    if (event.caseId) stale.caseIds.add(event.caseId.toLowerCase());
  }
  return stale;
}
