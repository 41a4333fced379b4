/**
 * The OData console (issue 6): an example query runs and shows Creatio's JSON, a bad one shows
 * Creatio's error body, history keeps them; and a field edit in the desk is saved, seen in the desk,
 * and read back through the console.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { caseNumberOf, say, show, startCustomer } from './support/window-steps';

test('a query runs and shows JSON, an error shows Creatio\'s body, history keeps both', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  await show(page, 'OData console');
  await page.getByRole('button', { name: 'Cases with their status' }).click();
  const request = page.getByRole('form', { name: 'OData request' });
  await expect(request.getByLabel('Path and query')).toHaveValue(/^Case\?\$select=Number,Subject/);
  await request.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response', exact: true });
  await expect(response.getByLabel('Status 200')).toBeVisible();
  const body = response.getByRole('region', { name: 'Response body' });
  await expect(body).toContainText('"@odata.context"');
  await expect(body).toContainText('"Status"');
  await expect(body).toContainText(/"Number": "SR\d{8}"/);
  await expect(response.getByText(/^Headers \(\d+\)$/)).toBeVisible();
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}odata.png` });

  await request.getByLabel('Path and query').fill('Case(123)');
  await request.getByLabel('Path and query').press('Control+Enter');
  await expect(response.getByLabel('Status 400')).toBeVisible();
  await expect(body).toContainText("The key value '123' in the request URI is not valid for resource 'Case'");

  await page.getByRole('button', { name: '$metadata' }).click();
  await request.getByRole('button', { name: 'Send' }).click();
  await expect(body).toContainText('<edmx:Edmx');

  const history = page.getByRole('list', { name: 'Recent requests' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await history.getByRole('button', { name: /Case\(123\)/ }).click();
  await expect(request.getByLabel('Path and query')).toHaveValue('Case(123)');

  await request.getByLabel('Method').selectOption('POST');
  await request.getByLabel('Path and query').fill('Activity');
  await request.getByLabel('Body (JSON)').fill('{"Title": ');
  await request.getByRole('button', { name: 'Send' }).click();
  await expect(request.getByRole('alert')).toContainText('Body: not valid JSON');
});

test('a field edit in the desk is saved and seen, and the console reads it back', async ({ openWindow }) => {
  const page = await openWindow();
  const ben = await startCustomer(page, { name: 'Ben Okafor', email: 'ben@example.com', channel: 'Email' });
  await say(ben, 'Ben Okafor', 'My lamp arrived broken.');
  const number = await caseNumberOf(ben);

  await show(page, 'Creatio desk');
  await page.getByRole('button', { name: `Open case ${number}` }).click();
  const casePage = page.getByRole('region', { name: `Case ${number}` });
  await casePage.getByText('Edit fields').click();
  const edit = casePage.getByRole('form', { name: 'Edit case fields' });
  await edit.getByLabel('Subject').fill('Broken lamp: send a replacement');
  await edit.getByLabel('Priority').selectOption({ label: 'High' });
  await edit.getByLabel('Owner').selectOption({ label: 'Alice Morgan' });
  await edit.getByLabel('Group').selectOption({ label: '2nd-line support' });
  await edit.getByRole('button', { name: 'Save fields' }).click();
  await expect(edit.getByRole('status')).toHaveText('Saved');

  await expect(casePage.getByRole('heading', { level: 2 })).toHaveText(`${number}: Broken lamp: send a replacement`);
  const fields = casePage.getByLabel('Case fields', { exact: true });
  await expect(fields).toContainText('High');
  await expect(fields).toContainText('Alice Morgan');
  await expect(fields).toContainText('2nd-line support');
  const row = page.getByRole('table', { name: /Cases/ }).getByRole('row').filter({ has: page.getByRole('button', { name: `Open case ${number}` }) });
  await expect(row).toContainText('Broken lamp: send a replacement');
  await expect(row).toContainText('Alice Morgan');

  await show(page, 'OData console');
  const request = page.getByRole('form', { name: 'OData request' });
  await request.getByLabel('Path and query').fill(`Case?$filter=Number eq '${number}'&$select=Subject&$expand=Owner($select=Name),Priority($select=Name)`);
  await request.getByRole('button', { name: 'Send' }).click();
  const body = page.getByRole('region', { name: 'Response body' });
  await expect(body).toContainText('"Broken lamp: send a replacement"');
  await expect(body).toContainText('"Alice Morgan"');
  await expect(body).toContainText('"High"');
});
