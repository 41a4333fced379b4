/**
 * The Scenarios view through the window only (issue 6, Acceptance "a presenter run"): a library
 * scenario presented step by step on the window's own lab — narration, step results, its customer's
 * conversation in the chat view, Next from the compact bar — then a run in a fresh lab that passes,
 * and a file from the disk that does not load, fixed in the editor and presented with a mode warning.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './support/lab.fixture';
import { show } from './support/window-steps';

const EMAIL_REPLY = "An agent's Email reply in Creatio reaches the customer once";
const KNOWLEDGE_BASE = 'The AI answers from the knowledge base and every message is logged on the case';

async function openLibraryScenario(page: Page, name: string, steps: number): Promise<void> {
  await show(page, 'Scenarios');
  await page.getByRole('button', { name: `Open scenario ${name}` }).click();
  await expect(page.getByRole('status', { name: 'Check result' })).toContainText(`Loads: ${steps} steps`);
}

/** Presses → and waits until the step has run (keys pressed while a step runs are not queued). */
async function nextByKey(page: Page, progress: Locator, done: number, total: number): Promise<void> {
  await page.keyboard.press('ArrowRight');
  await expect(progress).toHaveText(done === total ? `All ${total} steps passed` : `Step ${done} of ${total} passed`);
}

test('a presenter run: a library scenario step by step on this lab, with narration, results and the chat', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  await openLibraryScenario(page, EMAIL_REPLY, 10);
  await page.getByRole('button', { name: 'Present on this lab' }).click();

  const presenter = page.getByRole('region', { name: 'Presenter' });
  const narration = presenter.getByRole('status', { name: 'Narration' });
  const progress = presenter.getByLabel('Presenter progress');
  const steps = presenter.getByRole('list', { name: 'Presenter steps' }).getByRole('listitem');
  await expect(narration).toContainText(`${EMAIL_REPLY}. Seed "Create a business process for agent replies"`);
  await expect(progress).toHaveText('Ready: 10 steps');
  await expect(steps).toHaveCount(10);

  await presenter.getByRole('button', { name: /Next step/ }).click();
  await expect(narration).toHaveText('Ann Lee (ann.lee@example.com) opens a web widget conversation.');
  await expect(steps.nth(0)).toContainText('Passed');
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await nextByKey(page, progress, 2, 10);
  await expect(narration).toHaveText('Ann Lee says "My Aero Kettle leaks. I want to talk to a human agent."');
  await nextByKey(page, progress, 3, 10);
  await expect(steps.nth(2)).toContainText("Ann Lee's conversation is handed off (trigger human_requested)");
  await expect(steps.nth(3)).toContainText('Pending');
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}scenarios.png` });

  // The audience watches the chat: the scenario's customer is one of this lab's conversations.
  await show(page, 'Customer chat');
  const ann = page.getByRole('region', { name: 'Conversation with Ann Lee' });
  await expect(ann.getByLabel('Status: Handed off')).toBeVisible();
  const bar = page.getByRole('region', { name: 'Presenter bar' });
  await expect(bar).toContainText('Step 3 of 10 passed');
  const barProgress = bar.getByText(/Step \d+ of 10 passed|All 10 steps passed/);
  for (let done = 4; done <= 10; done += 1) await nextByKey(page, barProgress, done, 10);
  await expect(ann.getByRole('listitem').filter({ hasText: 'Hi Ann, sorry about the kettle. A replacement is on its way.' })).toContainText('Agent');
  await expect(bar.getByRole('status', { name: 'Presenter narration' })).toHaveText("Ann Lee's case in Creatio: activities.");
  await expectNoSecretShown();
  await page.screenshot({ path: `${SCREENSHOTS}scenarios-presenter-bar.png` });

  await show(page, 'Scenarios');
  await expect(progress).toHaveText('All 10 steps passed');
  for (let i = 0; i < 10; i += 1) await expect(steps.nth(i)).toContainText('Passed');
  await expect(presenter.getByRole('button', { name: /Next step/ })).toBeDisabled();

  // Reset: the same scenario again, with fresh aliases (a second Ann Lee conversation).
  await presenter.getByRole('button', { name: 'Reset' }).click();
  await expect(progress).toHaveText('Ready: 10 steps');
  await presenter.getByRole('button', { name: /Next step/ }).click();
  await expect(steps.nth(0)).toContainText('Passed');
  await show(page, 'Customer chat');
  await expect(page.getByRole('region', { name: 'Conversation with Ann Lee' })).toHaveCount(2);
});

test('a scenario runs in a fresh lab from the view and passes, with its steps and timeline', async ({ openWindow, expectNoSecretShown }) => {
  const page = await openWindow();
  await openLibraryScenario(page, KNOWLEDGE_BASE, 10);
  await page.getByRole('button', { name: 'Run in a fresh lab' }).click();
  const result = page.getByRole('region', { name: 'Run result' });
  await expect(result.getByLabel('Run status: Passed')).toBeVisible();
  await expect(result).toContainText('10/10 steps');
  const steps = result.getByRole('list', { name: 'Run steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(10);
  for (let i = 0; i < 10; i += 1) await expect(steps.nth(i)).toContainText('Passed');
  const timeline = result.getByRole('table', { name: 'Run timeline' });
  await expect(timeline.getByRole('row').filter({ hasText: 'customer writes "Where is my order? How do I track it?"' })).toHaveCount(1);
  await expect(timeline).toContainText('created in Creatio');
  await expectNoSecretShown();
  await result.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SCREENSHOTS}scenarios-run.png` });

  // Its own lab: the window's lab has no conversation.
  await show(page, 'Customer chat');
  await expect(page.getByText('No conversation yet')).toBeVisible();
});

test('a file from the disk that does not load shows each problem at its line and column; fixed, it presents with a mode warning', async ({ openWindow }) => {
  const page = await openWindow();
  await show(page, 'Scenarios');
  const broken = 'name: From my disk\nmode: handoff-only\nsteps:\n  - start: { customer: kim, name: Kim Ito, email: kim@example.com }\n  - sai: { customer: kim, text: Hello }\n';
  await page.getByLabel('Open a YAML file from disk').setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
  const check = page.getByRole('status', { name: 'Check result' });
  await expect(check).toContainText('Does not load: 1 problem');
  await expect(check.getByRole('list', { name: 'Problems' })).toContainText("5:5 step 2: unknown step 'sai' — did you mean 'say'?");
  await expect(page.getByRole('button', { name: 'Run in a fresh lab' })).toBeDisabled();

  const yaml = page.getByRole('textbox', { name: 'Scenario YAML' });
  await yaml.fill(broken.replace('- sai:', '- say:').replace('Hello', 'Hello there'));
  await expect(check).toContainText('Loads: 2 steps, handoff-only mode');
  await page.getByRole('button', { name: 'Present on this lab' }).click();
  const presenter = page.getByRole('region', { name: 'Presenter' });
  await expect(presenter.getByRole('note')).toContainText('written for handoff-only mode (a case only on handoff), but the lab runs in every-conversation mode');
  await expect(presenter.getByRole('status', { name: 'Narration' })).toContainText('the lab runs in every-conversation mode');
  await presenter.getByRole('button', { name: /Next step/ }).click();
  await expect(presenter.getByLabel('Presenter progress')).toHaveText('Step 1 of 2 passed');
  await page.keyboard.press('Space');
  await expect(presenter.getByLabel('Presenter progress')).toHaveText('All 2 steps passed');
  await expect(presenter.getByRole('status', { name: 'Narration' })).toHaveText('Kim Ito says "Hello there"');
});
