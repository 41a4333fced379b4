/** Steps through the window shared by the UI specs (role and label locators only). */
import { expect, type Locator, type Page } from '@playwright/test';

export async function startCustomer(page: Page, customer: { name: string; email?: string; phone?: string; channel: string }): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Start a conversation' });
  await form.getByLabel('Customer name').fill(customer.name);
  if (customer.email) await form.getByLabel('Email').fill(customer.email);
  if (customer.phone) await form.getByLabel('Phone').fill(customer.phone);
  await form.getByLabel('Channel').selectOption({ label: customer.channel });
  await form.getByRole('button', { name: 'Start conversation' }).click();
  const panel = page.getByRole('region', { name: `Conversation with ${customer.name}` });
  await expect(panel).toBeVisible();
  return panel;
}

/** The customer writes (Ctrl+Enter) and the message shows in their chat. */
export async function say(panel: Locator, name: string, text: string): Promise<void> {
  const box = panel.getByRole('textbox', { name: `Message from ${name}` });
  await box.fill(text);
  await box.press('Control+Enter');
  await expect(box).toHaveValue('');
  await expect(panel.getByRole('list', { name: `Messages with ${name}` }).getByRole('listitem').filter({ hasText: text }).first()).toBeVisible();
}

/** The case number the chat shows once Creatio confirmed the case. */
export async function caseNumberOf(panel: Locator): Promise<string> {
  const label = panel.getByText(/^Case SR\d{8}$/);
  await expect(label).toBeVisible();
  return (await label.innerText()).replace('Case ', '');
}

export async function show(page: Page, view: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
  await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
}

/** In the Creatio desk: open the case, reply as Email or Task, and see the reply in the feed. */
export async function agentReplies(page: Page, options: { number: string; reply: string; as: 'Email' | 'Task' }): Promise<Locator> {
  await page.getByRole('button', { name: `Open case ${options.number}` }).click();
  const casePage = page.getByRole('region', { name: `Case ${options.number}` });
  await casePage.getByRole('radio', { name: options.as }).check();
  await casePage.getByRole('textbox', { name: 'Reply' }).fill(options.reply);
  await casePage.getByRole('button', { name: 'Send reply' }).click();
  const feed = casePage.getByRole('list', { name: /Activities/ });
  await expect(feed.getByRole('listitem').filter({ hasText: options.reply })).toContainText(options.as);
  await expect(casePage.getByRole('textbox', { name: 'Reply' })).toHaveValue('');
  return casePage;
}
