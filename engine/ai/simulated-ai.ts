import { EngineError } from '../engine-error';
import { AiConfig, type AiConfigInput } from './ai-config';
import { customerText, isQuestion, unansweredInARow } from './conversation';
import { fillFields } from './fill-fields';
import { buildHandoffPayload, handoffReason } from './handoff-payload';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { detectLanguage } from './language';
import { reply } from './replies';
import { isFrustrated, scoreSentiment } from './sentiment';
import { asksForHuman, mandatoryTopicIn } from './triggers';
import type { AiTurn, HandoffTrigger, HandoffTurn, SimulatedAi, TranscriptEntry } from './types';

/**
 * The simulated helpdesk AI: a pure function of (config, transcript, now). It keeps no state
 * between calls, reads no clock and draws no random numbers, so the same inputs give the same
 * turn on every run (issue 3). Counts such as "unanswered in a row" are recomputed from the
 * transcript each time.
 *
 * Precedence when several triggers apply to one message (reference §5.6 lists the triggers, not
 * an order; ours): human requested > mandatory topic > frustration > a knowledge-base answer >
 * unanswered limit. An explicit request is the customer's own decision; a mandatory topic must
 * never be answered by the AI, even calmly; frustration beats an answer because the customer has
 * stopped listening to the AI; the unanswered limit only applies when there is no answer.
 */
export function createSimulatedAi(input: AiConfigInput = {}): SimulatedAi {
  const parsed = AiConfig.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `ai.${issue.path.join('.')}: ${issue.message}`);
    throw new EngineError('SETTINGS_INVALID', `AI configuration is invalid: ${problems.join('; ')}`, { problems });
  }
  const config = parsed.data;
  const kb = createKnowledgeBase(config.knowledgeBase, config.minScore);

  const handoffTurn = (
    transcript: readonly TranscriptEntry[],
    now: string,
    trigger: HandoffTrigger,
    detail: Parameters<typeof handoffReason>[1],
  ): HandoffTurn => {
    const reason = handoffReason(trigger, detail);
    const lastMessageAttempted = trigger === 'unanswered_limit' || trigger === 'manual';
    const payload = buildHandoffPayload(transcript, kb, { reason, lastMessageAttempted }, now);
    return { kind: 'handoff', text: reply('handoff', payload.language), trigger, payload };
  };

  return {
    respond(transcript, now) {
      const message = transcript.findLast((entry) => entry.role === 'customer')?.text ?? '';
      if (asksForHuman(message, config.humanRequestPhrases)) return handoffTurn(transcript, now, 'human_requested', {});
      const topic = mandatoryTopicIn(message, config.handoffTopics);
      if (topic) return handoffTurn(transcript, now, 'mandatory_topic', { topic });
      const frustration = { threshold: config.frustrationThreshold, minIntensity: config.frustrationMinIntensity };
      if (isFrustrated(message, frustration)) return handoffTurn(transcript, now, 'frustration', {});
      return answerOrNot(transcript, message, kb, config, (unanswered) =>
        handoffTurn(transcript, now, 'unanswered_limit', { unanswered }),
      );
    },
    handoff(transcript, now, reason) {
      return handoffTurn(transcript, now, 'manual', reason === undefined ? {} : { manualReason: reason });
    },
    fillFields(transcript, fields) {
      return fillFields(transcript, fields, { products: config.products });
    },
  };
}

function answerOrNot(
  transcript: readonly TranscriptEntry[],
  message: string,
  kb: KnowledgeBase,
  config: AiConfig,
  handOff: (unanswered: number) => HandoffTurn,
): AiTurn {
  const match = kb.match(message);
  if (match) return { kind: 'answer', text: match.entry.answer, matchedQuestion: match.entry.question, score: match.score };
  const unanswered = unansweredInARow(transcript, kb);
  if (unanswered >= config.maxUnanswered) return handOff(unanswered);
  const language = detectLanguage(customerText(transcript));
  // "Thanks!" is not a question the AI failed: it gets a courtesy reply and is not counted.
  const courtesy = !isQuestion(message) && scoreSentiment(message).score > 0;
  return { kind: 'cannot_answer', text: reply(courtesy ? 'courtesy' : 'cannotAnswer', language) };
}
