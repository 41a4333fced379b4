import { describe, expect, it } from 'vitest';
import type { AiFieldMapping } from '../settings';
import { createSimulatedAi } from './index';
import { transcript } from './test-transcript';

const ai = createSimulatedAi({});

const URGENCY = [
  'How urgent the issue is. Pick one:',
  '- Critical: outage, the service is down, nothing works, many customers affected',
  '- High: a core feature is broken and blocks the customer',
  '- Medium: something is wrong but there is a workaround',
  '- Low: how-to question, general information, no rush',
].join('\n');

const field = (fieldName: string, fieldType: AiFieldMapping['fieldType'], description: string): AiFieldMapping => ({
  fieldName, displayTitle: fieldName, fieldType, description,
});

const orderNumber = field('UsrOrderNumber', 'text', 'The order number the customer mentions');
const priority = field('PriorityId', 'dropdown', URGENCY);
const product = field('UsrProduct', 'text', 'Which product the customer writes about');
const topic = field('UsrTopic', 'text', 'What the customer needs, in a few words');
const category = field('UsrCategory', 'dropdown', 'Category, one of: Billing, Shipping, Returns or Account.');

const outage = transcript(
  ['customer', 'Hello'],
  ['customer', 'Your whole site is down! Nothing works since this morning, outage for all our customers. Order #48213'],
  ['ai', "I'm not sure about that."],
  ['customer', 'Please hurry, our Nimbus headphones orders are stuck'],
);
const howTo = transcript(['customer', 'Hi, how do I change the colour setting of my desk lamp? No rush, just a general question.']);

describe('fillFields: text fields', () => {
  it('takes the order number, the product and the first real message', () => {
    expect(ai.fillFields(outage, [orderNumber, product, topic])).toEqual([
      { fieldName: 'UsrOrderNumber', fieldType: 'text', value: '48213' },
      { fieldName: 'UsrProduct', fieldType: 'text', value: 'Nimbus Headphones' },
      { fieldName: 'UsrTopic', fieldType: 'text', value: expect.stringMatching(/^Your whole site is down! .*…$/) },
    ]);
    const value = ai.fillFields(outage, [topic])[0];
    expect(value && 'value' in value && value.value.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['mi pedido ORD-5521 no ha llegado', 'ORD-5521'],
    ['Bestellung LM123456 fehlt', 'LM123456'],
    ['order # 7781 is late', '7781'],
  ])('finds the order number in %j', (text, expected) => {
    expect(ai.fillFields(transcript(['customer', text]), [orderNumber])).toEqual([{ fieldName: 'UsrOrderNumber', fieldType: 'text', value: expected }]);
  });

  it('reads e-mail and phone fields', () => {
    const conversation = transcript(['customer', 'Reach me at ana.lopez@example.com or +34 600 123 456 please']);
    expect(ai.fillFields(conversation, [field('UsrEmail', 'text', 'Customer e-mail'), field('UsrPhone', 'text', 'Phone number')])).toEqual([
      { fieldName: 'UsrEmail', fieldType: 'text', value: 'ana.lopez@example.com' },
      { fieldName: 'UsrPhone', fieldType: 'text', value: '+34 600 123 456' },
    ]);
  });

  it('reports a problem, not a guess, when the conversation lacks what is asked for', () => {
    expect(ai.fillFields(howTo, [orderNumber])).toEqual([{ fieldName: 'UsrOrderNumber', problem: expect.stringContaining('no order') }]);
    expect(ai.fillFields(transcript(['customer', 'Do you sell gift cards?']), [product])).toEqual([
      { fieldName: 'UsrProduct', problem: expect.stringContaining('no product') },
    ]);
    expect(ai.fillFields([], [topic])).toEqual([{ fieldName: 'UsrTopic', problem: expect.stringContaining('not written') }]);
  });
});

describe('fillFields: dropdown fields', () => {
  it('picks Critical for an outage and Low for a calm how-to question', () => {
    expect(ai.fillFields(outage, [priority])).toEqual([{ fieldName: 'PriorityId', fieldType: 'dropdown', value: 'Critical' }]);
    expect(ai.fillFields(howTo, [priority])).toEqual([{ fieldName: 'PriorityId', fieldType: 'dropdown', value: 'Low' }]);
  });

  it('picks from a plain list by the labels', () => {
    const billing = transcript(['customer', 'I was charged twice, there is a billing mistake on my card']);
    expect(ai.fillFields(billing, [category])).toEqual([{ fieldName: 'UsrCategory', fieldType: 'dropdown', value: 'Billing' }]);
  });

  it('reports a problem when no option has any evidence', () => {
    const unrelated = transcript(['customer', 'Hello'], ['customer', 'Do you sell gift cards?']);
    expect(ai.fillFields(unrelated, [priority, category])).toEqual([
      { fieldName: 'PriorityId', problem: 'no value of "Critical", "High", "Medium", "Low" matches the conversation' },
      { fieldName: 'UsrCategory', problem: expect.stringContaining('matches the conversation') },
    ]);
  });

  it('reports a description that lists no values', () => {
    const unlisted = field('PriorityId', 'dropdown', 'The priority of the case');
    expect(ai.fillFields(outage, [unlisted])).toEqual([{ fieldName: 'PriorityId', problem: expect.stringContaining('lists no values') }]);
  });

  it('never returns a value that is not listed, and words every option shares are no evidence', () => {
    const shared = field('UsrImpact', 'dropdown', '- Wide: the issue hits everyone\n- Narrow: the issue hits one person');
    expect(ai.fillFields(transcript(['customer', 'I have an issue']), [shared])).toEqual([
      { fieldName: 'UsrImpact', problem: expect.stringContaining('matches the conversation') },
    ]);
    const [result] = ai.fillFields(outage, [priority]);
    expect(result && 'value' in result && ['Critical', 'High', 'Medium', 'Low'].includes(result.value)).toBe(true);
  });

  it('same inputs, same outputs', () => {
    const fields = [orderNumber, priority, product, topic, category];
    expect(createSimulatedAi({}).fillFields(outage, fields)).toEqual(ai.fillFields(outage, fields));
  });
});
