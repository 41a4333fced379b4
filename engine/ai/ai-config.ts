import { z } from 'zod';

/**
 * The simulated helpdesk AI's per-workspace configuration (issue 3, "The simulated AI"). Defaults
 * describe "Lumen Home", a fictional online shop, so a fresh workspace has an AI worth talking to.
 */
export const KnowledgeEntry = z.object({
  question: z.string().min(1, 'is required'),
  answer: z.string().min(1, 'is required'),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

export const DEFAULT_KNOWLEDGE_BASE: KnowledgeEntry[] = [
  {
    question: 'Where is my order? How do I track my order status?',
    answer: 'You can track your order under Account → Orders; the tracking link is also in your shipping confirmation email.',
  },
  {
    question: 'How do I get a refund or return an item?',
    answer: 'You can return any item within 30 days. Start the return under Account → Orders → Return; the refund reaches your card within 5 business days after we receive the item.',
  },
  {
    question: 'How do I reset my password? I forgot my password and cannot log in.',
    answer: 'Use "Forgot password" on the sign-in page; we email you a reset link that is valid for one hour.',
  },
  {
    question: 'How long does shipping take and how much does delivery cost?',
    answer: 'Standard shipping takes 3–5 business days and is free over $50; express shipping takes 1–2 business days for $9.90.',
  },
  {
    question: 'Can I change or cancel my order?',
    answer: 'You can change or cancel an order within one hour of placing it, under Account → Orders. After that it is already being packed.',
  },
  {
    question: 'Which payment methods do you accept?',
    answer: 'We accept Visa, Mastercard, American Express, PayPal and gift cards.',
  },
  {
    question: 'Do you ship internationally to other countries?',
    answer: 'We ship to the EU, the UK, Canada and the US. Duties are shown at checkout.',
  },
  {
    question: 'What is the warranty on Lumen products?',
    answer: 'Every Lumen product has a two-year warranty covering manufacturing defects.',
  },
];

/** Product names of the fictional shop: what a `text` AI field asking for a product can pick from. */
export const DEFAULT_PRODUCTS = ['Lumen Desk Lamp', 'Lumen Floor Lamp', 'Aero Kettle', 'Nimbus Headphones', 'Terra Coffee Grinder'];

export const AiConfig = z.object({
  knowledgeBase: z.array(KnowledgeEntry).default(DEFAULT_KNOWLEDGE_BASE),
  /** Product catalogue used to fill `text` fields whose description asks for a product. */
  products: z.array(z.string().min(1)).default(DEFAULT_PRODUCTS),
  /** Lowest minisearch score (BM25 with fuzzy/prefix matches) that counts as an answer. */
  minScore: z.number().nonnegative().default(2.5),
  /** Hand off ('unanswered_limit') once this many questions in a row could not be answered. */
  maxUnanswered: z.number().int().min(1).default(2),
  /** Mandatory-handoff topics (reference §5.6): a word or phrase; matched per word, plurals and endings included. */
  handoffTopics: z.array(z.string().min(1)).default(['legal', 'lawyer', 'lawsuit', 'attorney', 'chargeback', 'fraud']),
  /** `sentiment` comparative score (AFINN score per token) of the last customer message below which the customer is frustrated. */
  frustrationThreshold: z.number().default(-0.5),
  /**
   * And the message's AFINN score must be at most minus this: otherwise one negative word in a
   * short message ("No" = -1, "my order arrived damaged" = -3) would read as frustration.
   */
  frustrationMinIntensity: z.number().nonnegative().default(4),
  /** Extra "ask for a human" phrases on top of the built-in ones (several languages). */
  humanRequestPhrases: z.array(z.string().min(1)).default([]),
});
export type AiConfig = z.infer<typeof AiConfig>;
export type AiConfigInput = z.input<typeof AiConfig>;
