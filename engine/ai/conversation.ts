import type { KnowledgeBase, KnowledgeMatch } from './knowledge-base';
import { scoreSentiment } from './sentiment';
import { hasQuestionMark, words } from './text';
import type { TranscriptEntry } from './types';

/** A customer message as the AI reads it: is it a question, and does the knowledge base answer it. */
export interface CustomerTurn {
  text: string;
  isQuestion: boolean;
  match: KnowledgeMatch | undefined;
}

/**
 * A question is a message with a question mark (?, ¿, ؟), or of three words or more that is not
 * positive. "Thanks!", "ok great" and "No" are not questions: they neither count towards
 * `maxUnanswered` nor reset the count.
 */
export function isQuestion(text: string): boolean {
  if (hasQuestionMark(text)) return true;
  return words(text).length >= 3 && scoreSentiment(text).score <= 0;
}

export function customerTurns(transcript: readonly TranscriptEntry[], kb: KnowledgeBase): CustomerTurn[] {
  return transcript
    .filter((entry) => entry.role === 'customer' && entry.text.trim() !== '')
    .map((entry) => ({ text: entry.text, isQuestion: isQuestion(entry.text), match: kb.match(entry.text) }));
}

/** The customer's text, all messages joined: what language and overall sentiment are read from. */
export function customerText(transcript: readonly TranscriptEntry[]): string {
  return transcript.filter((entry) => entry.role === 'customer').map((entry) => entry.text).join('\n');
}

/**
 * Unanswered questions in a row at the end of the conversation, counted since the last agent
 * entry (a human took over, the AI's count starts again). A question the knowledge base answers
 * resets the count; messages that are not questions are skipped.
 */
export function unansweredInARow(transcript: readonly TranscriptEntry[], kb: KnowledgeBase): number {
  let count = 0;
  // Backwards from the end: stop at the first answered question or agent entry (long chats stay cheap).
  for (let index = transcript.length - 1; index >= 0; index -= 1) {
    const entry = transcript[index];
    if (!entry || entry.role === 'agent') break;
    if (entry.role !== 'customer' || entry.text.trim() === '') continue;
    if (kb.match(entry.text)) break;
    if (isQuestion(entry.text)) count += 1;
  }
  return count;
}
