/**
 * A fault and recovery through the window only (issue 6, Acceptance): a conversation is going, the
 * site is taken down from the Faults view, the customer writes, the outbox shows the write waiting
 * and retrying, the site comes back, and the message reaches Creatio — exactly once — in the desk.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { caseNumberOf, say, show, startCustomer } from './support/window-steps';

const LATE = 'Are you still there? The parcel never came.';

test('the site goes down, the customer writes, the outbox waits and retries, the site comes back and the message lands once', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  const ana = await startCustomer(page, { name: 'Ana Lima', email: 'ana@example.com', channel: 'Web widget' });
  await say(ana, 'Ana Lima', 'Hello, I need help with my order.');
  const number = await caseNumberOf(ana);

  await show(page, 'Faults');
  const recovery = page.getByRole('status', { name: 'Recovery' });
  await expect(recovery).toContainText('site up — nothing waiting');
  const downForm = page.getByRole('form', { name: 'Take the site down' });
  await downForm.getByLabel('Down for (seconds)').fill('90');
  await downForm.getByLabel('How').selectOption({ label: 'Connections reset' });
  await downForm.getByRole('button', { name: 'Take the site down' }).click();
  await expect(page.getByLabel('Site is down')).toBeVisible();
  await expect(recovery).toContainText('site down — 0 writes waiting');

  await show(page, 'Customer chat');
  await say(ana, 'Ana Lima', LATE);

  await show(page, 'Faults');
  // The write waits in the outbox and is tried again while the site stays down.
  await expect(recovery).toContainText(/site down — [1-9]\d* writes? waiting/);
  const waiting = page.getByRole('table', { name: 'Writes waiting' });
  await expect(waiting.getByRole('row').filter({ hasText: 'Log activity' }).first()).toBeVisible();
  await expect.poll(async () => Number(await page.getByLabel('Attempts so far').innerText())).toBeGreaterThan(1);
  await expect(page.getByRole('region', { name: 'Faults now' })).toContainText('connections reset');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}faults.png` });

  await downForm.getByRole('button', { name: 'Bring the site back' }).click();
  await expect(page.getByLabel('Site is up')).toBeVisible();
  // The outbox's next retry comes after its backoff (at most outbox.maxDelayMs, 5 s by default).
  await expect(recovery).toContainText('recovered — all synced', { timeout: 30_000 });
  await expect(page.getByLabel('Writes waiting', { exact: true })).toHaveText('0');
  await page.screenshot({ path: `${SCREENSHOTS}faults-recovered.png` });

  await show(page, 'Creatio desk');
  await page.getByRole('button', { name: `Open case ${number}` }).click();
  const feed = page.getByRole('region', { name: `Case ${number}` }).getByRole('list', { name: /Activities/ });
  await expect(feed.getByRole('listitem').filter({ hasText: LATE }).first()).toBeVisible();
  await expect(feed.getByRole('listitem').filter({ hasText: `Customer: ${LATE.slice(0, 20)}` })).toHaveCount(1);
});

test('errors with Retry-After, latency and seed are applied and shown; sessions expire and tokens are revoked; all clear', async ({ openWindow }) => {
  const page = await openWindow();
  await show(page, 'Faults');
  const form = page.getByRole('form', { name: 'Errors and delays' });
  await form.getByLabel('Error rate (%)').fill('50');
  await form.getByLabel('Error status').selectOption('503');
  await form.getByLabel('Retry-After (s, 503/429)').fill('2');
  await form.getByLabel('Latency (ms)').fill('100');
  await form.getByLabel('Seed').fill('7');
  await form.getByRole('button', { name: 'Apply faults' }).click();
  const now = page.getByRole('region', { name: 'Faults now' });
  await expect(now).toContainText('50 % of requests answered 503, Retry-After 2 s');
  await expect(now).toContainText('100 ms added to every request');
  await expect(now).toContainText('Dice seed 7');

  await form.getByLabel('Error rate (%)').fill('150');
  await form.getByRole('button', { name: 'Apply faults' }).click();
  await expect(form.getByRole('alert')).toContainText('errorRate');

  const auth = page.getByRole('group', { name: 'Sessions and tokens' });
  await auth.getByRole('button', { name: 'Expire sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Every forms session ended' })).toBeVisible();
  await auth.getByRole('button', { name: 'Revoke tokens' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Every OAuth token revoked' })).toBeVisible();

  await form.getByRole('button', { name: 'Clear all faults' }).click();
  await expect(now).toContainText('No fault in force.');
});
