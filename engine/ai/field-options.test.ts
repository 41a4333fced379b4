import { describe, expect, it } from 'vitest';
import { parseFieldOptions } from './field-options';

const labels = (description: string): string[] => parseFieldOptions(description).map((option) => option.label);

describe('parseFieldOptions', () => {
  it('reads bullet lines with explanations', () => {
    const options = parseFieldOptions('How urgent it is. Pick one:\n- Critical: outage, nothing works\n- High: a core feature is broken\n* Medium – a workaround exists\n• Low: how-to question');
    expect(options).toEqual([
      { label: 'Critical', explanation: 'outage, nothing works' },
      { label: 'High', explanation: 'a core feature is broken' },
      { label: 'Medium', explanation: 'a workaround exists' },
      { label: 'Low', explanation: 'how-to question' },
    ]);
  });

  it.each([
    ['Critical = outage; High = broken feature; Medium = workaround; Low = question', ['Critical', 'High', 'Medium', 'Low']],
    ['Urgency. Critical = outage\nHigh = broken feature', ['Critical', 'High']],
    ['Values: Critical = site down, High = broken', ['Critical', 'High']],
    ['1) Hardware - a device is broken\n2) Software - an app crashes', ['Hardware', 'Software']],
    ['Priority by urgency: Critical / High / Medium / Low', ['Critical', 'High', 'Medium', 'Low']],
    ['Critical / High / Medium / Low', ['Critical', 'High', 'Medium', 'Low']],
    ['The category, one of: Billing, Shipping, Returns or Account.', ['Billing', 'Shipping', 'Returns', 'Account']],
    ['Options: "Order status" | "Payment issue"', ['Order status', 'Payment issue']],
    ['Customer tier one of: Gold, Silver', ['Gold', 'Silver']],
  ])('reads %j', (description, expected) => {
    expect(labels(description)).toEqual(expected);
  });

  it('finds nothing in a description that lists no values', () => {
    expect(parseFieldOptions('The priority of the case')).toEqual([]);
    expect(parseFieldOptions('')).toEqual([]);
  });
});
