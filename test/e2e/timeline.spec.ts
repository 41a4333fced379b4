/**
 * The Timeline of a conversation (issue 6): the customer writes, an agent answers from the desk, and
 * the sequence diagram shows the hops across customer · engine · Creatio · process · webhook; a click
 * on a hop shows its request (the site's journal entry, the process run), secrets masked.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { agentReplies, caseNumberOf, say, show, startCustomer } from './support/window-steps';

test('the hops of a conversation, live, with the request behind each', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  const ana = await startCustomer(page, { name: 'Ana Lima', email: 'ana@example.com', channel: 'Web widget' });
  await say(ana, 'Ana Lima', 'Where is my order? It was due on Monday.');
  const number = await caseNumberOf(ana);

  await show(page, 'Timeline');
  const hops = page.getByRole('list', { name: /Hops of the conversation/ });
  await expect(hops.getByRole('button', { name: /^Customer → Engine: Engine received "Where is my order/ })).toBeVisible();
  await expect(hops.getByRole('button', { name: /^Engine → Creatio: Activity inserted "Customer: Where is my order/ })).toBeVisible();
  await expect(hops.getByRole('button', { name: /^Creatio → Engine: Case created/ })).toBeVisible();

  // Live: an agent's reply from the desk adds its hops while the Timeline is open again.
  await show(page, 'Creatio desk');
  await agentReplies(page, { number, reply: 'Your order ships today.', as: 'Email' });
  await show(page, 'Timeline');
  await expect(hops.getByRole('button', { name: /^Webhook → Engine: Agent reply "Your order ships today/ })).toBeVisible();
  await expect(hops.getByRole('button', { name: /^Engine → Customer: agent message delivered/ })).toBeVisible();
  await expect(hops.getByRole('button', { name: /^Process → Webhook: Webhook new_activity received/ }).first()).toBeVisible();

  const panel = page.getByRole('complementary', { name: 'Request of the hop' });
  await hops.getByRole('button', { name: /^Engine → Creatio: Activity inserted "Customer: Where is my order/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(/^POST \/0\/odata\/(\$batch|Activity) → 20\d/);
  await expect(panel.getByRole('region', { name: 'Request' })).toContainText('Where is my order?');

  const run = hops.getByRole('button', { name: /^Creatio → Process: Agent reply → helpdesk completed → HTTP 202/ }).last();
  await run.click();
  await expect(run).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('region', { name: 'Request' })).toContainText('/backend/creatio/webhook/***');
  await expect(panel.getByRole('region', { name: 'Request' })).toContainText('"event_type": "new_activity"');
  await expect(panel.getByRole('region', { name: 'Response' })).toContainText('HTTP 202');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}timeline.png` });
  // The same diagram in the dark theme (the Theme button cycles system → light → dark).
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SCREENSHOTS}timeline-dark.png` });

  await hops.getByRole('button', { name: /^Process → Webhook: Webhook new_activity received/ }).last().click();
  await expect(panel).toContainText('accepted');
  await expect(panel).toContainText("From the engine's webhook log");
});
