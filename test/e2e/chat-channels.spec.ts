/**
 * Channel rules as the customer sees them in the window: an SMS over 160 characters arrives in
 * segments; a WhatsApp reply more than 24 hours after the customer's last message is refused, visibly.
 */
import { expect, test } from './support/lab.fixture';
import { agentReplies, caseNumberOf, say, show, startCustomer } from './support/window-steps';

test('an SMS reply arrives in segments; WhatsApp refuses an agent reply outside the 24-hour window', async ({ openWindow }) => {
  const page = await openWindow();
  const sms = await startCustomer(page, { name: 'Dara Nunes', phone: '+351 912 345 678', channel: 'SMS' });
  await say(sms, 'Dara Nunes', 'How do I return an item for a refund?');
  // The AI's return policy answer is 171 characters, with "→" in it (UCS-2: 67 characters a segment): three segments.
  const segments = sms.getByRole('list', { name: 'SMS in 3 segments' });
  await expect(segments.getByRole('listitem')).toHaveCount(3);
  await expect(segments.getByRole('listitem').first()).toContainText('1/3');
  await expect(segments).toContainText('within 30 days');

  const wa = await startCustomer(page, { name: 'Eli Sato', phone: '+81 90 1234 5678', channel: 'WhatsApp' });
  await say(wa, 'Eli Sato', 'My lamp flickers, can someone help?');
  const number = await caseNumberOf(wa);
  await page.getByRole('button', { name: 'Advance chat clock 25 h' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The chat clock moved 25 hours on.' })).toBeVisible();

  await show(page, 'Creatio desk');
  await agentReplies(page, { number, reply: 'Sorry for the wait: a replacement is on its way.', as: 'Email' });
  await show(page, 'Customer chat');
  const refused = wa.getByRole('listitem').filter({ hasText: 'a replacement is on its way' });
  await expect(refused).toContainText('Not delivered by WhatsApp');
  await expect(refused).toContainText('24-hour');
});
