/** The window itself: navigation, keyboard shortcuts, help, themes, the token, the CSP. */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';

test('keyboard shortcuts, help overlay, every view reachable, themes', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 1, name: 'Creatio desk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Creatio desk' })).toHaveAttribute('aria-current', 'page');

  // Every view opens with `g` and its key, and is marked current in the navigation.
  for (const [key, name] of [['p', 'Processes'], ['w', 'Webhooks'], ['s', 'Sync'], ['t', 'Timeline'], ['f', 'Faults'], ['o', 'OData console'], ['n', 'Scenarios']] as const) {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Open Customer chat/ })).toContainText('c');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Typing into a field is never a shortcut.
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  const name = page.getByRole('form', { name: 'Start a conversation' }).getByLabel('Customer name');
  await name.fill('');
  await name.press('g');
  await name.press('d');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer chat' })).toBeVisible();
  await expect(name).toHaveValue('gd');

  const theme = page.getByRole('button', { name: /^Theme: system/ });
  await theme.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 23, 29)');
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(page.getByRole('table', { name: /Cases/ }).getByRole('row')).not.toHaveCount(1);
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}creatio-desk-dark.png` });

  // "system" follows the browser's colour scheme, live.
  await page.getByRole('button', { name: /^Theme: dark/ }).click();
  await expect(page.getByRole('button', { name: /^Theme: system/ })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // The page carries a strict policy, and nothing in it broke it.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'; style-src 'self'/);
  expect(violations).toEqual([]);
});

test('the token survives a reload but never shows in the address bar; without one the window says how to open it', async ({ openWindow, page, browser, lab }) => {
  await openWindow();
  await page.reload();
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Live');
  expect(page.url()).not.toContain(lab.token);

  const fresh = await browser.newPage();
  await fresh.goto(lab.urls.ui);
  await expect(fresh.getByRole('heading', { name: 'This window has no Lab API token' })).toBeVisible();
  await fresh.close();
});
