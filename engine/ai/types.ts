/** The simulated AI's public types (issue 3 "The simulated AI"; reference §5.3 and §5.6). */
import type { AiFieldMapping } from '../settings';

export interface TranscriptEntry {
  role: 'customer' | 'ai' | 'agent' | 'system';
  text: string;
  /** ISO 8601. */
  at: string;
}

/** What a handoff carries (reference §5.6: handoffReason, handoffSummary, handoffSentiment, handoffLanguage, handoffTimestamp). */
export interface HandoffPayload {
  /** Short phrase, e.g. "Customer asked for a human agent". */
  reason: string;
  /** One paragraph, no line breaks. */
  summary: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  /** BCP-47 primary language tag of the customer's text: en, es, de, fr, ar. */
  language: string;
  /** ISO 8601: the `now` the caller passed. */
  timestamp: string;
}

export type HandoffTrigger = 'human_requested' | 'frustration' | 'unanswered_limit' | 'mandatory_topic' | 'manual';

export type AiTurn =
  | { kind: 'answer'; text: string; matchedQuestion: string; score: number }
  | { kind: 'cannot_answer'; text: string }
  | { kind: 'handoff'; text: string; trigger: HandoffTrigger; payload: HandoffPayload };

export type HandoffTurn = Extract<AiTurn, { kind: 'handoff' }>;

export type AiFieldResult =
  | { fieldName: string; fieldType: 'text'; value: string }
  /** `value` is the chosen option's label exactly as the description lists it. */
  | { fieldName: string; fieldType: 'dropdown'; value: string }
  /** Nothing in the conversation supports a value: reported, never guessed. */
  | { fieldName: string; problem: string };

export interface SimulatedAi {
  /** The AI's turn after a customer message. `transcript` includes that message as its last entry. */
  respond(transcript: readonly TranscriptEntry[], now: string): AiTurn;
  /** A manual handoff (agent or customer button): always a handoff turn with trigger 'manual'. */
  handoff(transcript: readonly TranscriptEntry[], now: string, reason?: string): HandoffTurn;
  /** AI fields (reference §5.3), filled once at case creation during handoff. */
  fillFields(transcript: readonly TranscriptEntry[], fields: readonly AiFieldMapping[]): AiFieldResult[];
}
