import { describe, expect, it } from 'vitest';
import { EngineError } from '../engine-error';
import { createSimulatedAi } from './index';
import { NOW, says, transcript } from './test-transcript';

const ai = createSimulatedAi({});

describe('simulated AI: knowledge-base answers', () => {
  it.each([
    ['Where is my order?', 'Where is my order? How do I track my order status?'],
    ['I want a refund', 'How do I get a refund or return an item?'],
    ['I forgot my pasword', 'How do I reset my password? I forgot my password and cannot log in.'],
    ['How long does shipping take?', 'How long does shipping take and how much does delivery cost?'],
    ['Do you ship to Canada?', 'Do you ship internationally to other countries?'],
  ])('answers %j from the knowledge base', (message, question) => {
    const turn = ai.respond(says(message), NOW);
    expect(turn).toMatchObject({ kind: 'answer', matchedQuestion: question });
    if (turn.kind === 'answer') expect(turn.score).toBeGreaterThanOrEqual(2.5);
  });

  it.each(['Do you have a store in Paris?', 'What is the weather today?', 'Is the lamp waterproof?', 'How do I contact you?'])(
    'says it cannot answer %j',
    (message) => {
      expect(ai.respond(says(message), NOW)).toEqual({ kind: 'cannot_answer', text: expect.stringContaining("I'm not sure about that") });
    },
  );

  it('answers from a workspace knowledge base, and the threshold is configurable', () => {
    const custom = createSimulatedAi({ knowledgeBase: [{ question: 'Do you have a store in Paris?', answer: 'Yes, rue de Rivoli 1.' }] });
    expect(custom.respond(says('Is there a store in Paris?'), NOW)).toMatchObject({ kind: 'answer', text: 'Yes, rue de Rivoli 1.' });
    const strict = createSimulatedAi({ minScore: 1000 });
    expect(strict.respond(says('Where is my order?'), NOW).kind).toBe('cannot_answer');
  });

  it('replies in the customer language when it cannot answer, and thanks get a courtesy reply', () => {
    expect(ai.respond(says('¿Tienen una tienda en Madrid?'), NOW)).toMatchObject({ text: expect.stringContaining('No estoy seguro') });
    expect(ai.respond(says('Thanks, that was great!'), NOW)).toMatchObject({ kind: 'cannot_answer', text: expect.stringContaining("You're welcome") });
  });
});

describe('simulated AI: handoff triggers', () => {
  it.each([
    ['en', 'I want to talk to a real person'],
    ['en', 'Can I speak to an agent please?'],
    ['es', 'Quiero hablar con un humano'],
    ['es', '¿Me pasa con un agente?'],
    ['de', 'Kann ich bitte mit einem Mitarbeiter sprechen?'],
    ['de', 'Ich will mit einem Menschen reden'],
    ['fr', 'Je voudrais parler à un conseiller'],
    ['fr', 'Je veux un humain'],
    ['pt', 'Quero falar com um atendente'],
    ['ar', 'أريد التحدث إلى موظف'],
    ['ar', 'أريد إنسان حقيقي'],
  ])('hands off when the customer asks for a human (%s: %j)', (language, message) => {
    const turn = ai.respond(says(message), NOW);
    expect(turn).toMatchObject({ kind: 'handoff', trigger: 'human_requested', payload: { language, reason: 'Customer asked for a human agent' } });
  });

  it('does not read "agent" inside another word, nor "human" in a workspace phrase list it lacks', () => {
    expect(ai.respond(says('What is on the agenda for my delivery?'), NOW).kind).not.toBe('handoff');
    const custom = createSimulatedAi({ humanRequestPhrases: ['supervisor'] });
    expect(custom.respond(says('Get me your supervisor'), NOW)).toMatchObject({ trigger: 'human_requested' });
  });

  it.each([
    ['en', 'This is terrible, the worst service ever, I am so angry'],
    ['es', '¡Esto es horrible! Un servicio terrible'],
    ['de', 'Das ist eine Katastrophe 😠 😡 👎'],
    ['fr', "C'est horrible 😡😡"],
  ])('hands off a frustrated customer (%s: %j)', (language, message) => {
    expect(ai.respond(says(message), NOW)).toMatchObject({
      kind: 'handoff', trigger: 'frustration', payload: { language, sentiment: 'negative', reason: 'Customer is frustrated' },
    });
  });

  it('does not take one negative word for frustration, and the threshold is configurable', () => {
    expect(ai.respond(says('No'), NOW).kind).toBe('cannot_answer');
    expect(ai.respond(says('My order arrived damaged'), NOW).kind).toBe('answer');
    const touchy = createSimulatedAi({ frustrationThreshold: -0.2, frustrationMinIntensity: 1 });
    expect(touchy.respond(says('My order arrived damaged'), NOW)).toMatchObject({ trigger: 'frustration' });
  });

  it.each([
    ['en', 'My lawyer will contact you about this', 'lawyer'],
    ['en', 'I will file chargebacks with my bank', 'chargeback'],
    ['es', 'Voy a pedir un chargeback a mi banco', 'chargeback'],
    ['de', 'Ich lasse das rechtlich prüfen, legal ist das nicht: Betrug', 'legal'],
    ['fr', 'Je vais contacter mon avocat pour fraud', 'fraud'],
  ])('hands off on a mandatory topic (%s: %j)', (language, message, topic) => {
    expect(ai.respond(says(message), NOW)).toMatchObject({
      kind: 'handoff', trigger: 'mandatory_topic', payload: { language, reason: `Mandatory-handoff topic: ${topic}` },
    });
  });

  it('uses the workspace topics', () => {
    const custom = createSimulatedAi({ handoffTopics: ['data breach', 'abogado'] });
    expect(custom.respond(says('I think there was a data breach'), NOW)).toMatchObject({ trigger: 'mandatory_topic' });
    expect(custom.respond(says('Voy a llamar a mi abogado'), NOW)).toMatchObject({ trigger: 'mandatory_topic', payload: { language: 'es' } });
    expect(custom.respond(says('My lawyer will call'), NOW).kind).not.toBe('handoff');
  });

  it.each([
    ['en', 'Do you have a store in Paris?', 'Is the lamp waterproof?'],
    ['es', 'Hola, ¿tienen tienda en Madrid?', '¿Y en Barcelona?'],
    ['de', 'Hallo, gibt es einen Laden in Berlin?', 'Und in München?'],
    ['fr', 'Bonjour, avez-vous un magasin à Paris ?', 'Et à Lyon ?'],
  ])('hands off after two unanswered questions in a row (%s)', (language, first, second) => {
    const once = transcript(['customer', first]);
    expect(ai.respond(once, NOW).kind).toBe('cannot_answer');
    const twice = transcript(['customer', first], ['ai', 'not sure'], ['customer', second]);
    expect(ai.respond(twice, NOW)).toMatchObject({
      kind: 'handoff', trigger: 'unanswered_limit', payload: { language, reason: 'AI could not answer 2 questions in a row' },
    });
  });

  it('counts unanswered questions in a row: an answer resets the count, thanks do not count, an agent reply starts again', () => {
    const unknown = 'Do you have a store in Paris?';
    const reset = transcript(['customer', unknown], ['ai', '?'], ['customer', 'Where is my order?'], ['ai', 'a'], ['customer', 'Is the lamp waterproof?']);
    expect(ai.respond(reset, NOW).kind).toBe('cannot_answer');
    const thanks = transcript(['customer', unknown], ['ai', '?'], ['customer', 'Thanks!'], ['ai', 'a'], ['customer', 'Is the lamp waterproof?']);
    expect(ai.respond(thanks, NOW)).toMatchObject({ trigger: 'unanswered_limit' });
    const agent = transcript(['customer', unknown], ['agent', 'Hi, I am Ana'], ['customer', 'Is the lamp waterproof?']);
    expect(ai.respond(agent, NOW).kind).toBe('cannot_answer');
    const three = createSimulatedAi({ maxUnanswered: 3 });
    expect(three.respond(transcript(['customer', unknown], ['customer', 'Is the lamp waterproof?']), NOW).kind).toBe('cannot_answer');
  });

  it('hands off manually with the reason given, or a default one', () => {
    const conversation = transcript(['customer', 'Where is my order?'], ['ai', 'Account → Orders']);
    expect(ai.handoff(conversation, NOW, 'Agent took over from the Inbox')).toMatchObject({
      kind: 'handoff', trigger: 'manual', payload: { reason: 'Agent took over from the Inbox', timestamp: NOW },
    });
    expect(ai.handoff(conversation, NOW).payload.reason).toBe('Manual handoff');
  });
});

describe('simulated AI: precedence (human request > mandatory topic > frustration > answer > unanswered limit)', () => {
  it.each([
    ['human request over topic and frustration', 'This is terrible and awful, my lawyer says I need a human now', 'human_requested'],
    ['topic over frustration', 'This is terrible and awful, my lawyer is furious', 'mandatory_topic'],
    ['frustration over an answer', 'Where is my order?! This is terrible, awful, horrible service', 'frustration'],
    ['topic over an answer', 'Where is my order? My lawyer asks', 'mandatory_topic'],
  ])('%s', (_, message, trigger) => {
    expect(ai.respond(says(message), NOW)).toMatchObject({ kind: 'handoff', trigger });
  });

  it('an answer over the unanswered limit', () => {
    const conversation = transcript(['customer', 'Do you have a store in Paris?'], ['ai', '?'], ['customer', 'Where is my order?']);
    expect(ai.respond(conversation, NOW).kind).toBe('answer');
  });
});

describe('simulated AI: handoff payload', () => {
  const conversation = transcript(
    ['customer', 'Hi, where is my order #48213?'],
    ['ai', 'You can track your order under Account → Orders.'],
    ['customer', 'Do you have a store in Paris?'],
    ['ai', "I'm not sure about that."],
    ['customer', 'Is the lamp waterproof?'],
  );

  it('summarises in one paragraph with the key question, what was answered and why it hands off', () => {
    const turn = ai.respond(conversation, NOW);
    expect(turn.kind).toBe('handoff');
    if (turn.kind !== 'handoff') return;
    const { summary } = turn.payload;
    expect(summary).not.toMatch(/\n/);
    expect(summary).toContain('where is my order #48213?');
    expect(summary).toContain('The AI answered from the knowledge base');
    expect(summary).toContain('"Do you have a store in Paris?"');
    expect(summary).toContain('could not answer 2 questions in a row');
    expect(turn.payload).toMatchObject({ sentiment: 'neutral', language: 'en', timestamp: NOW });
  });

  it('does not list the message that asked for a human as a question the AI failed', () => {
    const turn = ai.handoff(says('I need a human'), NOW);
    const asked = ai.respond(says('I need a human'), NOW);
    expect(turn.payload.summary).toContain('could not answer');
    expect(asked.kind).toBe('handoff');
    if (asked.kind === 'handoff') expect(asked.payload.summary).not.toContain('could not answer');
  });

  it('gives the customer sentiment overall and falls back to en for text it cannot place', () => {
    const happy = transcript(['customer', 'Where is my order?'], ['ai', 'a'], ['customer', 'Great, thank you so much, lovely service!']);
    expect(ai.handoff(happy, NOW).payload.sentiment).toBe('positive');
    expect(ai.handoff(says('ok'), NOW).payload.language).toBe('en');
    expect(ai.handoff([], NOW).payload).toMatchObject({ language: 'en', sentiment: 'neutral', summary: expect.stringContaining('not written anything') });
  });

  it('same inputs, same outputs', () => {
    const again = createSimulatedAi({});
    expect(again.respond(conversation, NOW)).toEqual(ai.respond(conversation, NOW));
    expect(ai.handoff(conversation, NOW, 'x')).toEqual(ai.handoff(conversation, NOW, 'x'));
  });
});

describe('simulated AI: configuration', () => {
  it('rejects a bad configuration with SETTINGS_INVALID naming the field', () => {
    const attempt = () => createSimulatedAi({ maxUnanswered: 0 });
    expect(attempt).toThrow(EngineError);
    expect(attempt).toThrow(/ai\.maxUnanswered/);
  });
});
