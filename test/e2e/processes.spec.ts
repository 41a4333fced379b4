/**
 * Building and test-firing a business process through the window only (issue 6, Acceptance): a new
 * process with a Signal on Activity "added" and a "Call web service" to the engine's webhook URL,
 * the body written with `[#...#]` completion, the live preview for a record, the echo warning inline
 * until a filter is added, saved, test-fired, and the run's request and response in its log.
 */
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { show } from './support/window-steps';

test('building and test-firing a process', async ({ openWindow, expectNoSecretShown, lab }) => {
  const page = await openWindow();
  await show(page, 'Processes');
  const list = page.getByRole('list', { name: /^Processes/ });
  // The seed's agent-reply process follows "Type = Task or Email": the site flags its echo traffic.
  await expect(list.getByRole('listitem').filter({ hasText: 'Agent reply → helpdesk' }).getByLabel('1 warning')).toBeVisible();

  await page.getByRole('button', { name: 'New process' }).click();
  const editor = page.getByRole('form', { name: 'Process editor' });
  await editor.getByLabel('Name').fill('Email replies → helpdesk');
  await expect(editor.getByLabel('Object')).toHaveValue('Activity');
  await expect(editor.getByLabel('Event')).toHaveValue('added');

  // The body, written with completion: [# offers the Activity's lookups, then the Case's columns.
  const body = editor.getByRole('combobox', { name: 'Body' });
  await body.fill('');
  await body.pressSequentially('{"event_type":"new_activity","caseId":"[#');
  const parameters = editor.getByRole('listbox', { name: 'Parameters' });
  await parameters.getByRole('option', { name: /^Case\. lookup → Case$/ }).click();
  await parameters.getByRole('option', { name: /^Id Guid$/ }).click();
  await expect(parameters).toBeHidden();
  await body.press('End');
  await body.pressSequentially('"}');
  await expect(body).toHaveValue('{"event_type":"new_activity","caseId":"[#Case.Id#]"}');

  // The engine's webhook URL in one click: kept whole, shown with its token masked.
  await editor.getByRole('button', { name: "Use the engine's webhook URL" }).click();
  await expect(editor.getByLabel('URL')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/.*\/webhook\/\*\*\*$/);

  // The live preview for a seed Email of case SR00000001, and the echo warning of a missing filter.
  const preview = page.getByRole('region', { name: 'Request preview' });
  const seedEmail = preview.getByRole('option', { name: /^RE: Cannot log in/ });
  await expect(seedEmail).toBeAttached();
  await preview.getByLabel('Activity record').selectOption({ label: (await seedEmail.textContent()) ?? '' });
  const previewed = preview.getByRole('group', { name: 'Previewed request' });
  await expect(previewed).toContainText(/POST http:\/\/127\.0\.0\.1:\d+\/.*\/webhook\/\*\*\*/);
  const caseParameter = preview.getByLabel('Parameters').getByRole('definition').first();
  await expect(caseParameter).toHaveText(/^[0-9a-f-]{36}$/);
  const caseId = await caseParameter.innerText();
  await expect(previewed).toContainText(`"caseId": "${caseId}"`);
  await expect(preview).toContainText('The filter passes this record.');
  const signalChecks = editor.getByRole('list', { name: 'Checks of the signal' });
  await expect(signalChecks).toContainText('Warning');
  await expect(signalChecks).toContainText('echo traffic');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}processes-checks.png` });

  await editor.getByRole('button', { name: 'Save new process' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved');
  const saved = list.getByRole('listitem').filter({ hasText: 'Email replies → helpdesk' });
  await expect(saved.getByLabel('1 warning')).toBeVisible();
  await expect(saved).toContainText('Signal: Activity added');

  // A filter on a lookup path (Type/Name = Email) and the case: the warning goes.
  await editor.getByRole('button', { name: 'Add condition' }).click();
  await editor.getByRole('group', { name: 'Condition on new condition' }).getByLabel('Column').fill('Type/Name');
  await editor.getByRole('group', { name: 'Condition on Type/Name' }).getByLabel('Value').fill('Email');
  await editor.getByRole('button', { name: 'Add condition' }).click();
  const onCase = editor.getByRole('group', { name: 'Condition on new condition' });
  await onCase.getByLabel('Column').fill('CaseId');
  await editor.getByRole('group', { name: 'Condition on CaseId' }).getByLabel('Operator').selectOption('notEmpty');
  await expect(editor.getByLabel('Checks', { exact: true })).toHaveText('Checks: no problems found');
  await expect(signalChecks).toBeHidden();
  await expect(editor.getByRole('status')).toHaveText('Unsaved changes');
  await expect(preview.getByRole('button', { name: 'Test-fire on this record' })).toBeDisabled();
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await expect(saved.getByLabel(/warning/)).toBeHidden();

  // Test-fire: the run opens in the log with the request sent and the engine's answer.
  await preview.getByRole('button', { name: 'Test-fire on this record' }).click();
  const runs = page.getByRole('list', { name: /^Run log/ });
  const run = runs.getByRole('listitem').first();
  await expect(run).toContainText('completed');
  await expect(run).toContainText('manual');
  await expect(run.getByRole('group', { name: 'Request sent' })).toContainText(/POST http:\/\/127\.0\.0\.1:\d+\/.*\/webhook\/\*\*\*/);
  await expect(run.getByRole('group', { name: 'Request sent' })).toContainText('"event_type": "new_activity"');
  await expect(run.getByRole('group', { name: 'Response' })).toContainText('HTTP 200');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}processes.png` });

  // An agent in Creatio writes an Email on the case (another actor, through the site's OData): the
  // process runs on the commit and its log updates live.
  const insert = await fetch(`${lab.urls.api}/creatio/odata/Activity`, {
    method: 'POST', headers: { Authorization: `Bearer ${lab.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Title: 'Re: portal', Body: 'Try again now.', TypeId: 'e2831dec-cfc0-df11-b00f-001d60e938c6', CaseId: caseId }),
  });
  expect(insert.status).toBe(201);
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs.getByRole('listitem').first()).toContainText('added');

  // Disable, then delete.
  await saved.getByRole('checkbox', { name: 'Active: Email replies → helpdesk' }).uncheck();
  await expect(saved).toContainText('Disabled');
  await editor.getByRole('button', { name: 'Delete' }).click();
  await editor.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(saved).toBeHidden();
});
