import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { isFrustrated, scoreSentiment, sentimentBucket } from './sentiment';

describe('detectLanguage (tinyld)', () => {
  it.each([
    ['Hi, where is my order? It should have arrived on Monday.', 'en'],
    ['Hola, ¿dónde está mi pedido? Debería haber llegado el lunes.', 'es'],
    ['Hallo, wo ist meine Bestellung? Sie sollte am Montag ankommen.', 'de'],
    ['Bonjour, où est ma commande ? Elle devait arriver lundi.', 'fr'],
    ['Olá, onde está meu pedido?', 'pt'],
    ["Ciao, dov'è il mio ordine?", 'it'],
    ['مرحبا، أين طلبي؟', 'ar'],
  ])('detects %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    ['Where is my order?', 'en'],
    ['Quiero un reembolso', 'es'],
    ['Passwort vergessen', 'de'],
    ['Je veux un humain', 'fr'],
  ])('detects short messages: %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('falls back when it cannot tell', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('ok')).toBe('en');
    expect(detectLanguage('   ', 'de')).toBe('de');
  });
});

describe('sentiment (AFINN via the sentiment library)', () => {
  it.each([
    ['Thank you, that was really helpful, great service!', 'positive'],
    ['Where is my order? It was due on Monday.', 'neutral'],
    ['I want to talk to a human', 'neutral'],
    ['This is awful, I hate this, worst shop ever', 'negative'],
    ['😡 👎', 'negative'],
  ])('buckets %j as %s', (text, bucket) => {
    expect(sentimentBucket(text)).toBe(bucket);
  });

  it('scores emoji stuck to words or each other', () => {
    expect(scoreSentiment('late😠😠').score).toBe(-4);
  });

  it('needs both a low comparative score and enough negative weight for frustration', () => {
    const options = { threshold: -0.5, minIntensity: 4 };
    expect(isFrustrated('No', options)).toBe(false);
    expect(isFrustrated('This is a terrible, awful experience', options)).toBe(true);
    expect(isFrustrated('It is terrible that it rains, but I have a question about my order and the delivery', options)).toBe(false);
  });
});
