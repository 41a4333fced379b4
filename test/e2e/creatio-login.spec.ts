import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockCreatio, type MockCreatio } from '../../mock-creatio';

// A real browser as the Creatio client: the login page, the session cookies and the BPMCSRF
// header behave as a browser-based Creatio client expects (reference/creatio-api.md §2.1).
let site: MockCreatio;
let workspace: string;

test.beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'csl-e2e-'));
  site = await startMockCreatio({ workspace, durability: 'none', settings: { expiredSessionResponse: 'loginPage' } });
});
test.afterAll(async () => {
  await site.close();
  await rm(workspace, { recursive: true, force: true });
});

test('an unauthenticated browser is sent to NuiLogin, signs in, and reads OData with BPMCSRF', async ({ page }) => {
  await page.goto(`${site.url}/0/odata/Case?$select=Number`);
  await expect(page).toHaveURL(/\/Login\/NuiLogin\.aspx\?ReturnUrl=/);

  await page.getByLabel('User name').fill('Supervisor');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/incorrect/i);

  await page.getByLabel('Password').fill('Supervisor');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/0\/odata\/Case/);

  const result = await page.evaluate(async () => {
    const csrf = /(?:^|; )BPMCSRF=([^;]*)/.exec(document.cookie)?.[1] ?? '';
    const withHeader = await fetch('/0/odata/Case?$select=Number', { headers: { BPMCSRF: csrf, Accept: 'application/json' } });
    const withoutHeader = await fetch('/0/odata/Case?$select=Number');
    return {
      cookieNames: document.cookie.split('; ').map((c) => c.split('=')[0]),
      status: withHeader.status,
      numbers: ((await withHeader.json()) as { value: { Number: string }[] }).value.map((c) => c.Number),
      statusWithoutHeader: withoutHeader.status,
    };
  });
  expect(result.status).toBe(200);
  expect(result.numbers.length).toBeGreaterThan(0);
  expect(result.numbers.every((n) => /^SR\d{8}$/.test(n))).toBe(true);
  expect(result.statusWithoutHeader).toBe(403);
  expect(result.cookieNames).toContain('BPMCSRF');
  expect(result.cookieNames).not.toContain('.ASPXAUTH');
});
