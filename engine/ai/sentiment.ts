import Sentiment from 'sentiment';

/**
 * Sentiment through the `sentiment` library (AFINN-165 word valences plus the Emoji Sentiment
 * Ranking). AFINN is English: in other languages the score comes only from emoji and words the
 * languages share ("horrible", "terrible", "ok"), so frustration in German or French is seen when
 * the customer writes such words or emoji (documented limit; docs/fidelity.md).
 */
const analyzer = new Sentiment();

export interface SentimentScore {
  /** Sum of the valences of the words found (AFINN runs -5..5 per word). */
  score: number;
  /** `score` per token: comparable across message lengths. */
  comparative: number;
}

export type SentimentBucket = 'positive' | 'neutral' | 'negative';

/** Scores a text. `analyze` is called without `extras`: sentiment 5 merges extras into its shared labels. */
export function scoreSentiment(text: string): SentimentScore {
  // The library splits tokens on spaces only, so "😡😡" or "late😠" would be one unknown token.
  const spaced = text.replace(/(\p{Extended_Pictographic})/gu, ' $1 ');
  const result = analyzer.analyze(spaced);
  return { score: result.score, comparative: result.comparative };
}

/**
 * positive | neutral | negative for the handoff payload. The dead band of ±0.2 per token keeps one
 * mild word neutral ("I want to talk to a human": "want" = +1 in 7 tokens; "problem" = -2 in 12).
 */
export function sentimentBucket(text: string): SentimentBucket {
  const { comparative } = scoreSentiment(text);
  if (comparative > 0.2) return 'positive';
  if (comparative < -0.2) return 'negative';
  return 'neutral';
}

/** Frustrated: clearly negative per token AND strongly negative overall (see AiConfig.frustrationMinIntensity). */
export function isFrustrated(text: string, options: { threshold: number; minIntensity: number }): boolean {
  const { score, comparative } = scoreSentiment(text);
  return comparative < options.threshold && score <= -options.minIntensity;
}
