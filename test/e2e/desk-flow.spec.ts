/**
 * The two-way flow through the window only (issue 6, Acceptance), in both modes: a customer writes in
 * the chat, the case appears in the Creatio desk with its activities, the agent replies and the
 * customer sees it, the agent resolves and the conversation resolves. Screenshots go to docs/screenshots.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { agentReplies, caseNumberOf, say, show, startCustomer } from './support/window-steps';

test.describe('every conversation becomes a case', () => {
  test('customer writes, agent answers by email from the desk, resolves, and the customer sees it all', async ({ openWindow, expectNoSecretShown }) => {
    const page = await openWindow();
    const ana = await startCustomer(page, { name: 'Ana Lima', email: 'ana@example.com', channel: 'Web widget' });
    const ben = await startCustomer(page, { name: 'Ben Okafor', phone: '+44 20 7946 0958', channel: 'SMS' });
    await say(ana, 'Ana Lima', 'Where is my order? It was due on Monday.');
    await say(ben, 'Ben Okafor', 'Hi, my lamp arrived broken.');
    await expect(ana.getByRole('listitem').filter({ hasText: 'AI assistant' }).first()).toBeVisible();
    const number = await caseNumberOf(ana);
    const benNumber = await caseNumberOf(ben);
    await expectNoSecretShown();
    await page.screenshot({ path: `${SCREENSHOTS}chat.png` });

    await show(page, 'Creatio desk');
    const cases = page.getByRole('table', { name: /Cases/ });
    const row = cases.getByRole('row').filter({ has: page.getByRole('button', { name: `Open case ${number}` }) });
    await expect(row).toContainText('Ana Lima');
    await expect(row).toContainText('New');
    await expectNoSecretShown();
    await page.screenshot({ path: `${SCREENSHOTS}creatio-desk.png` });

    const casePage = await agentReplies(page, { number, reply: 'Your order ships today, tracking to follow.', as: 'Email' });
    await expect(casePage.getByRole('list', { name: /Activities/ })).toContainText('Where is my order?');
    await expectNoSecretShown();
    await page.screenshot({ path: `${SCREENSHOTS}case-page.png` });

    await casePage.getByRole('button', { name: 'Resolve case' }).click();
    await expect(casePage.getByRole('definition').filter({ hasText: 'Resolved' })).toBeVisible();
    await expect(row).toContainText('Resolved');

    await show(page, 'Customer chat');
    const anaMessages = ana.getByRole('list', { name: 'Messages with Ana Lima' });
    await expect(anaMessages.getByRole('listitem').filter({ hasText: 'Your order ships today' })).toContainText('Agent');
    await expect(ana.getByLabel('Status: Resolved')).toBeVisible();
    // Ben's conversation was left alone; when he asks for a human, his existing case gets the handoff note.
    await expect(ben.getByLabel('Status: Open')).toBeVisible();
    await ben.getByRole('button', { name: 'Request a human for Ben Okafor' }).click();
    await expect(ben.getByLabel('Status: Handed off')).toBeVisible();
    await show(page, 'Creatio desk');
    await page.getByRole('button', { name: `Open case ${benNumber}` }).click();
    const benFeed = page.getByRole('region', { name: `Case ${benNumber}` }).getByRole('list', { name: /Activities/ });
    await expect(benFeed.getByRole('listitem').filter({ hasText: 'Handoff to a human agent' })).toContainText('Reason: The customer asked for a human');
  });
});

test.describe('a case only on handoff', () => {
  test.use({ labMode: 'handoff-only' });

  test('no case until the customer asks for a human; then the handoff note, a Task reply and resolution', async ({ openWindow, expectNoSecretShown }) => {
    const page = await openWindow();
    const cleo = await startCustomer(page, { name: 'Cleo Park', email: 'cleo@example.com', channel: 'Email' });
    await say(cleo, 'Cleo Park', 'Can I change the delivery address of my order?');
    await expect(cleo.getByText('No case yet')).toBeVisible();

    await cleo.getByRole('button', { name: 'Request a human for Cleo Park' }).click();
    await expect(cleo.getByLabel('Status: Handed off')).toBeVisible();
    const number = await caseNumberOf(cleo);
    await expectNoSecretShown();
    await page.screenshot({ path: `${SCREENSHOTS}chat-handoff.png` });

    await show(page, 'Creatio desk');
    const casePage = await agentReplies(page, { number, reply: 'Done: the new address is on the order.', as: 'Task' });
    await expect(casePage.getByRole('list', { name: /Activities/ })).toContainText('Can I change the delivery address');
    await expect(casePage.getByRole('group', { name: 'Notes' })).toContainText('reason The customer asked for a human');
    await casePage.getByRole('button', { name: 'Resolve case' }).click();
    await expect(casePage.getByRole('definition').filter({ hasText: 'Resolved' })).toBeVisible();

    await show(page, 'Customer chat');
    await expect(cleo.getByRole('listitem').filter({ hasText: 'Done: the new address is on the order.' })).toContainText('Agent');
    await expect(cleo.getByLabel('Status: Resolved')).toBeVisible();
    await expectNoSecretShown();
  });
});
