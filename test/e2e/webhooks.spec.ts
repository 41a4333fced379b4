/**
 * The Webhooks view through the window only (issue 6, Acceptance: "replaying a webhook"): a customer
 * writes, the agent answers from the Creatio desk, the site's process calls the engine's webhook; the
 * request is in the log with its validation, what was done and its answer; replaying it makes a new
 * entry; edit-and-replay sends a wrong token and a bad body; copy as curl never shows the token.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { agentReplies, caseNumberOf, say, show, startCustomer } from './support/window-steps';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** The newest log row holding `text`, opened in the detail pane; answers its number and the pane. */
async function openNewest(page: Page, text: string): Promise<{ seq: string; detail: Locator }> {
  const log = page.getByRole('table', { name: /Webhook log/ });
  const open = log.getByRole('row').filter({ hasText: text }).first().getByRole('button', { name: /^Open webhook #/ });
  const seq = (await open.innerText()).replace('#', '');
  await open.click();
  const detail = page.getByRole('region', { name: `Webhook #${seq}` });
  await expect(detail).toBeVisible();
  return { seq, detail };
}

test('an agent reply reaches the webhook log; replay, edit-and-replay and copy as curl', async ({ lab, openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  const ana = await startCustomer(page, { name: 'Ana Lima', email: 'ana@example.com', channel: 'Web widget' });
  await say(ana, 'Ana Lima', 'Where is my order? It was due on Monday.');
  const number = await caseNumberOf(ana);
  await show(page, 'Creatio desk');
  await agentReplies(page, { number, reply: 'Your parcel left the depot this morning.', as: 'Email' });

  await show(page, 'Webhooks');
  const log = page.getByRole('table', { name: /Webhook log/ });
  // The agent-reply process's call: accepted, and the reply it delivered noted on the entry.
  await expect(log.getByRole('row').filter({ hasText: 'new_activity' }).filter({ hasText: 'accepted · 1 reply delivered' }).first()).toBeVisible();
  const { seq, detail } = await openNewest(page, 'new_activity');
  await expect(detail.getByRole('region', { name: 'Request' })).toContainText('valid token');
  await expect(detail.getByRole('region', { name: 'Request' })).toContainText('/backend/creatio/webhook/***');
  await expect(detail.getByRole('definition').first()).toBeVisible(); // the request's headers
  await expect(detail.getByRole('region', { name: 'Validation' })).toContainText('Valid request');
  await expect(detail.getByRole('region', { name: 'Response' })).toContainText('accepted');

  // Replay: the same body and content type with the valid token; a new entry with its answer.
  await detail.getByRole('button', { name: 'Replay', exact: true }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await expect(answer).toContainText(`Replay of #${seq}: answered 202`);
  await expect(answer.getByRole('button', { name: /^#\d+$/ })).toBeVisible();
  const replaySeq = (await answer.getByRole('button', { name: /^#\d+$/ }).innerText()).replace('#', '');
  expect(Number(replaySeq)).toBeGreaterThan(Number(seq));
  await expect(page.getByRole('region', { name: `Webhook #${replaySeq}` })).toContainText('Accepted');
  await expect(log.getByRole('button', { name: `Open webhook #${replaySeq}` })).toBeVisible();
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}webhooks.png` });

  // Edit and replay: a wrong token is a 404 that says nothing; a bad caseId is a 400 naming the field.
  await page.getByRole('region', { name: `Webhook #${replaySeq}` }).getByRole('button', { name: 'Edit and replay' }).click();
  const editor = page.getByRole('form', { name: 'Edit and replay' });
  await editor.getByRole('radio', { name: 'Wrong token' }).check();
  await editor.getByRole('button', { name: 'Send request' }).click();
  await expect(answer).toContainText('answered 404');
  await expect(page.getByRole('region', { name: /^Webhook #/ })).toContainText('Rejected: wrong token');

  await editor.getByRole('radio', { name: 'Valid token' }).check();
  await editor.getByLabel('Body').fill('{"event_type":"new_activity","caseId":"not-a-guid"}');
  await editor.getByRole('button', { name: 'Send request' }).click();
  await expect(answer).toContainText('answered 400');
  const rejected = page.getByRole('region', { name: /^Webhook #/ });
  await expect(rejected.getByRole('region', { name: 'Validation' })).toContainText('INVALID_WEBHOOK');
  await expect(rejected.getByRole('list', { name: 'Problems' })).toContainText('caseId: must be a GUID');

  // Copy as curl: $WEBHOOK_TOKEN on screen and in the plain copy; the real URL only with "Copy with token".
  const token = lab.webhookUrl().split('/').pop()!;
  const curl = rejected.getByText(/^curl -i -X POST/);
  await expect(curl).toContainText('$WEBHOOK_TOKEN');
  await rejected.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(rejected.getByRole('status')).toContainText('Copied as curl with $WEBHOOK_TOKEN');
  expect(await clipboard(page)).toBe(await curl.innerText());
  await rejected.getByRole('button', { name: 'Copy with token' }).click();
  await expect(rejected.getByRole('status')).toContainText('with the real webhook URL');
  const copied = await clipboard(page);
  expect(copied).toContain(`/backend/creatio/webhook/${token}'`);
  expect(copied).toContain(`--data-raw '{"event_type":"new_activity","caseId":"not-a-guid"}'`);

  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}webhooks-edit-and-replay.png` });
  await editor.getByRole('button', { name: 'Close editor' }).click();
  await expect(editor).toBeHidden();
});
