import { customerText, customerTurns } from './conversation';
import type { KnowledgeBase } from './knowledge-base';
import { detectLanguage } from './language';
import { sentimentBucket } from './sentiment';
import { clip, oneLine } from './text';
import type { HandoffPayload, HandoffTrigger, TranscriptEntry } from './types';

/** Short phrases per trigger (reference §5.6 `handoffReason`; analytics name user request, prohibited topic, missing knowledge). */
export function handoffReason(trigger: HandoffTrigger, detail: { topic?: string; unanswered?: number; manualReason?: string }): string {
  switch (trigger) {
    case 'human_requested':
      return 'Customer asked for a human agent';
    case 'mandatory_topic':
      return `Mandatory-handoff topic: ${detail.topic ?? 'configured topic'}`;
    case 'frustration':
      return 'Customer is frustrated';
    case 'unanswered_limit':
      return `AI could not answer ${detail.unanswered ?? 0} questions in a row`;
    case 'manual':
      return detail.manualReason ? clip(detail.manualReason, 120) : 'Manual handoff';
  }
}

const quote = (text: string): string => `"${clip(text, 120)}"`;

export interface SummaryHandoff {
  reason: string;
  /** False when the handoff answers the last customer message itself (human request, topic, frustration). */
  lastMessageAttempted: boolean;
}

/**
 * One paragraph built from the transcript, extractive and deterministic: what the customer asked
 * first, what the AI answered from the knowledge base, what it could not answer, why it hands
 * off, and the last thing the customer said.
 */
export function buildSummary(transcript: readonly TranscriptEntry[], kb: KnowledgeBase, handoff: SummaryHandoff): string {
  const turns = customerTurns(transcript, kb);
  // The message that asked for a human (or raised a topic, or vented) was never put to the knowledge base.
  const attempted = handoff.lastMessageAttempted ? turns : turns.slice(0, -1);
  const first = turns.find((turn) => turn.isQuestion) ?? turns[0];
  const sentences: string[] = [];
  if (!first) {
    sentences.push('The customer has not written anything yet.');
  } else {
    sentences.push(`The customer ${first.isQuestion ? 'asked' : 'wrote'}: ${quote(first.text)}.`);
    const answered = [...new Set(attempted.flatMap((turn) => (turn.match ? [turn.match.entry.question] : [])))];
    if (answered.length > 0) {
      sentences.push(`The AI answered from the knowledge base about ${answered.slice(0, 3).map(quote).join(', ')}.`);
    }
    const unanswered = attempted.filter((turn) => turn.isQuestion && !turn.match).map((turn) => turn.text);
    if (unanswered.length > 0) {
      sentences.push(`The AI could not answer ${unanswered.slice(-3).map(quote).join(', ')}.`);
    }
  }
  const agentReplies = transcript.filter((entry) => entry.role === 'agent').length;
  if (agentReplies > 0) sentences.push(`A human agent has already replied ${agentReplies} time(s).`);
  sentences.push(`Handed off: ${handoff.reason}.`);
  const last = turns.at(-1);
  if (last && last !== first) sentences.push(`Last customer message: ${quote(last.text)}.`);
  return oneLine(sentences.join(' '));
}

export function buildHandoffPayload(
  transcript: readonly TranscriptEntry[],
  kb: KnowledgeBase,
  handoff: SummaryHandoff,
  now: string,
): HandoffPayload {
  const text = customerText(transcript);
  return {
    reason: handoff.reason,
    summary: buildSummary(transcript, kb, handoff),
    sentiment: sentimentBucket(text),
    language: detectLanguage(text),
    timestamp: now,
  };
}
