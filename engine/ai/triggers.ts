import { containsPhrase, words } from './text';

/**
 * "The customer asks for a human" (reference §5.6, first default trigger) in the languages the lab's
 * fake customers speak. Phrases are matched as whole words after `normalize` (accents and Arabic
 * hamza dropped, so "connaître"/"conseiller" and "إنسان"/"انسان" both match), so "agent" does not
 * fire inside "agenda". This list is the AI's own configuration, not language detection.
 */
export const HUMAN_REQUEST_PHRASES: readonly string[] = [
  // en
  'human', 'talk to a person', 'speak to a person', 'real person', 'live person', 'agent', 'representative', 'talk to someone',
  'speak to someone', 'operator', 'customer service rep', 'someone real',
  // es
  'humano', 'agente', 'persona real', 'una persona', 'representante', 'operador', 'hablar con alguien',
  // de
  'mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'echte person', 'kundenberater', 'berater',
  // fr
  'humain', 'conseiller', 'conseillere', 'vraie personne', 'une personne', 'parler a quelqu un',
  // pt
  'atendente', 'pessoa real', 'uma pessoa', 'falar com alguem',
  // it
  'operatore', 'persona vera', 'essere umano', 'parlare con qualcuno',
  // ar: human, employee, real person, customer service
  'انسان', 'موظف', 'شخص حقيقي', 'خدمة العملاء',
];

/** True when the message asks for a human, with the built-in phrases plus the workspace's own. */
export function asksForHuman(message: string, extraPhrases: readonly string[] = []): boolean {
  const messageWords = words(message);
  return [...HUMAN_REQUEST_PHRASES, ...extraPhrases].some((phrase) =>
    containsPhrase(messageWords, phrase, { allowEnding: false }),
  );
}

/**
 * The first configured mandatory-handoff topic the message mentions (reference §5.6 "a configured
 * forbidden/mandatory-handoff topic"), or undefined. Whole words; the topic's last word may carry an
 * ending, so "lawyer" matches "lawyers" and "chargeback" matches "chargebacks".
 */
export function mandatoryTopicIn(message: string, topics: readonly string[]): string | undefined {
  const messageWords = words(message);
  return topics.find((topic) => containsPhrase(messageWords, topic, { allowEnding: true }));
}
