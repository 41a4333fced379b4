/**
 * The Sync view through the window only (issue 6, Acceptance: "settings Test & Save with a wrong
 * secret"): a wrong OAuth client secret is named beside its field and nothing is saved; the right one
 * is tested and saved. Then the webhook URL (copied, never shown) and its rotation with a confirm, and
 * a dead letter made by a wrong instance URL, retried from the outbox once the URL is right again.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { caseNumberOf, say, show, startCustomer } from './support/window-steps';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const RIGHT_SECRET = 'lab-client-secret-change-me';

test('Test & Save with a wrong client secret saves nothing; the right one is saved', async ({ lab, page, openWindow, expectNoSecretShown }) => {
  await openWindow();
  await show(page, 'Sync');
  const form = page.getByRole('form', { name: 'Integration settings' });
  await expect(form.getByLabel('Instance URL')).toHaveValue(lab.urls.creatio);
  await expect(form.getByLabel('Client ID')).toHaveValue('case-sync-lab');
  await expect(form.getByLabel('Client secret')).toHaveValue('');
  // The pickers list the site's records by name, the GUID beside.
  const status = form.getByRole('combobox', { name: /^Resolved Status/ });
  await expect(status.getByRole('option', { name: 'Resolved' })).toHaveCount(1);
  await status.selectOption({ label: 'Resolved' });
  const statusId = await form.getByLabel('Resolved Status GUID').inputValue();
  expect(statusId).toMatch(/^[0-9a-f-]{36}$/);

  const before = lab.settings().aiFields.length;
  await form.getByRole('button', { name: 'Add AI field' }).click();
  const n = before + 1;
  await form.getByLabel(`AI field ${n} name`).fill('UsrOrderNumber');
  await form.getByLabel(`AI field ${n} title`).fill('Order number');
  await form.getByLabel(`AI field ${n} description`).fill('The order number the customer gives, like LM123456');

  await form.getByLabel('Client secret').fill('not-the-right-secret');
  await form.getByRole('button', { name: 'Test & Save' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Not saved: the test found a problem.' })).toBeVisible();
  await expect(form.getByText(/^Client secret: CREATIO_AUTH_FAILED/)).toBeVisible();
  await expect(form.getByLabel('Client secret')).toHaveAttribute('aria-invalid', 'true');
  expect(lab.settings().aiFields).toHaveLength(before);
  expect(lab.settings().auth).toMatchObject({ kind: 'oauth', clientSecret: RIGHT_SECRET });

  await form.getByLabel('Client secret').fill(RIGHT_SECRET);
  await form.getByRole('button', { name: 'Test & Save' }).click();
  await expect(form.getByRole('status').filter({ hasText: /^Tested and saved at/ })).toBeVisible();
  await expect(form.getByText(/^Client secret: /)).toHaveCount(0);
  // The saved secret is back to "stored": the field is empty again.
  await expect(form.getByLabel('Client secret')).toHaveValue('');
  expect(lab.settings().aiFields.at(-1)).toMatchObject({ fieldName: 'UsrOrderNumber', displayTitle: 'Order number', fieldType: 'text' });
  expect(lab.settings().resolvedStatusId).toBe(statusId);

  // The webhook URL: masked on screen, the real one on the clipboard; rotation asks first.
  const card = page.getByRole('region', { name: 'Webhook URL' });
  await expect(card.getByLabel('Webhook URL (token masked)')).toHaveText(/\/backend\/creatio\/webhook\/\*\*\*$/);
  await card.getByRole('button', { name: 'Copy webhook URL' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Copied the webhook URL' })).toBeVisible();
  const oldUrl = lab.webhookUrl();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(oldUrl);
  await card.getByRole('button', { name: 'Rotate token…' }).click();
  const confirm = card.getByRole('alertdialog', { name: 'Rotate the webhook token?' });
  await confirm.getByRole('button', { name: 'Keep the current token' }).click();
  expect(lab.webhookUrl()).toBe(oldUrl);
  await card.getByRole('button', { name: 'Rotate token…' }).click();
  await confirm.getByRole('button', { name: 'Rotate now' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'New token saved' })).toBeVisible();
  expect(lab.webhookUrl()).not.toBe(oldUrl);

  await form.getByLabel('Instance URL').scrollIntoViewIfNeeded();
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}sync.png` });
});

test('a write that gave up is a dead letter; retried from the outbox once the instance URL is right', async ({ lab, page, openWindow, expectNoSecretShown }) => {
  await openWindow();
  await show(page, 'Sync');
  const form = page.getByRole('form', { name: 'Integration settings' });
  await expect(form.getByLabel('Instance URL')).toHaveValue(lab.urls.creatio);
  // Rehearse a misconfiguration on purpose: nothing listens on port 9, and no retry after the first attempt.
  await form.getByLabel('Instance URL').fill('http://127.0.0.1:9');
  await form.getByLabel('Max attempts').fill('1');
  await form.getByRole('button', { name: 'Save without testing' }).click();
  await expect(form.getByRole('status').filter({ hasText: /^Saved without testing/ })).toBeVisible();

  await show(page, 'Customer chat');
  const ana = await startCustomer(page, { name: 'Ana Lima', email: 'ana@example.com', channel: 'Web widget' });
  await say(ana, 'Ana Lima', 'Where is my order?');

  await show(page, 'Sync');
  const outbox = page.getByRole('table', { name: 'Outbox' });
  const dead = outbox.getByRole('row').filter({ hasText: 'Dead letter' }).filter({ hasText: 'case.create' });
  await expect(dead).toBeVisible();
  await expect(dead).toContainText('CREATIO_');
  // The conversation's later writes wait behind it, so an activity never lands before its case.
  await expect(outbox.getByRole('row').filter({ hasText: 'activity.log' }).first()).toContainText('blocked');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}sync-dead-letter.png` });

  await form.getByLabel('Instance URL').fill(lab.urls.creatio);
  await form.getByLabel('Max attempts').fill('10');
  await form.getByRole('button', { name: 'Test & Save' }).click();
  await expect(form.getByRole('status').filter({ hasText: /^Tested and saved/ })).toBeVisible();
  await dead.getByRole('button', { name: /^Retry case.create/ }).click();
  await expect(page.getByRole('region', { name: 'Outbox' }).getByText('Nothing waiting')).toBeVisible();
  await expect(page.getByLabel('Outbox counts')).toContainText('0 dead');

  await show(page, 'Customer chat');
  await caseNumberOf(ana);
});
