import MiniSearch from 'minisearch';
import type { AiFieldMapping } from '../settings';
import { customerText } from './conversation';
import { parseFieldOptions } from './field-options';
import { pickOption } from './pick-option';
import { clip, words } from './text';
import type { AiFieldResult, TranscriptEntry } from './types';

/**
 * AI fields (reference §5.3), filled once at case creation from the full transcript and each
 * field's description. `text` fields, by what the description asks for:
 *  - an e-mail address / a phone number: the first one the customer wrote;
 *  - an order, tracking, invoice, ticket or reference number: the first id-like token the customer
 *    wrote: "ORD-12345" / "LM123456" (letters then digits), "#1234", then 5+ digits, then 4 digits;
 *  - a product, item or model: the catalogue product (AiConfig.products) the customer's text
 *    matches best (minisearch, fuzzy), so "my nimbus headphones" gives "Nimbus Headphones";
 *  - anything else: the customer's first message of three words or more (a bare "Hello" is
 *    skipped), clipped to 100 characters.
 * When the description asks for something specific that the conversation lacks, the result is a
 * problem, not a guess. `dropdown` fields: see field-options.ts and pick-option.ts.
 */
export function fillFields(
  transcript: readonly TranscriptEntry[],
  fields: readonly AiFieldMapping[],
  options: { products: readonly string[] },
): AiFieldResult[] {
  const text = customerText(transcript);
  return fields.map((field): AiFieldResult => {
    if (text.trim() === '') return { fieldName: field.fieldName, problem: 'the customer has not written anything yet' };
    if (field.fieldType === 'dropdown') {
      const pick = pickOption(parseFieldOptions(field.description), text);
      return 'problem' in pick
        ? { fieldName: field.fieldName, problem: pick.problem }
        : { fieldName: field.fieldName, fieldType: 'dropdown', value: pick.label };
    }
    const value = textValue(field.description, transcript, text, options.products);
    return typeof value === 'string'
      ? { fieldName: field.fieldName, fieldType: 'text', value }
      : { fieldName: field.fieldName, problem: value.problem };
  });
}

type Extracted = string | { problem: string };

const ASKS_EMAIL = /e-?mail|correo|courriel/iu;
const ASKS_PHONE = /phone|mobile|tel[eé]fono|telefon|t[eé]l[eé]phone/iu;
const ASKS_ORDER = /order|tracking|invoice|ticket|reference|booking|pedido|bestell|commande|ordine|rechnung|factura/iu;
const ASKS_PRODUCT = /product|item|model|device|article|produkt|producto|produit|prodotto|artikel/iu;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const PHONE = /\+?\d[\d ().-]{6,}\d/u;
const ORDER_IDS = [/\b[A-Z]{2,}-?\d{3,}\b/u, /#\s?(\d{3,})\b/u, /\b\d{5,}\b/u, /\b\d{4}\b/u];

function textValue(description: string, transcript: readonly TranscriptEntry[], text: string, products: readonly string[]): Extracted {
  if (ASKS_EMAIL.test(description)) return EMAIL.exec(text)?.[0] ?? { problem: 'the customer gave no e-mail address' };
  if (ASKS_PHONE.test(description)) return PHONE.exec(text)?.[0].trim() ?? { problem: 'the customer gave no phone number' };
  if (ASKS_ORDER.test(description)) return orderNumber(text) ?? { problem: 'the customer gave no order or reference number' };
  if (ASKS_PRODUCT.test(description)) return productIn(text, products) ?? { problem: 'the customer named no product from the catalogue' };
  const customer = transcript.filter((entry) => entry.role === 'customer' && entry.text.trim() !== '');
  const first = customer.find((entry) => words(entry.text).length >= 3) ?? customer[0];
  return first ? clip(first.text, 100) : { problem: 'the customer has not written anything yet' };
}

function orderNumber(text: string): string | undefined {
  for (const pattern of ORDER_IDS) {
    const match = pattern.exec(text);
    if (match) return match[1] ?? match[0];
  }
  return undefined;
}

function productIn(text: string, products: readonly string[]): string | undefined {
  if (products.length === 0) return undefined;
  const index = new MiniSearch<{ id: number; name: string }>({
    fields: ['name'],
    searchOptions: { prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), combineWith: 'OR' },
  });
  index.addAll(products.map((name, id) => ({ id, name })));
  let best: { id: number; score: number } | undefined;
  for (const result of index.search(text)) {
    const id = result.id as number;
    if (!best || result.score > best.score || (result.score === best.score && id < best.id)) best = { id, score: result.score };
  }
  return best ? products[best.id] : undefined;
}
