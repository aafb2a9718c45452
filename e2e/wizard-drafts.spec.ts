import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

/** Starts a "Call and text" survey draft with every message field on screen, at the Message step. */
async function toMessageStep(page: Page) {
  await page.goto('/broadcasts/new');
  await page.getByLabel('Broadcast name').fill('Every limit');
  await page.getByText('Call and text', { exact: true }).click();
  await page.getByText('Ask a question', { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page, 'Recipients')).toBeFocused();
  await page.getByLabel('Phone numbers').fill('2145550143');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page, 'Message')).toBeVisible();
}

test.describe('the wizard keeps every draft', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('typing and pasting past every limit keeps the text, shows a counter and an error, and survives a reload', async ({ page }) => {
    await toMessageStep(page);
    await page.getByRole('button', { name: 'Text to speech' }).first().click();
    const speech = 'Snow day. '.repeat(600);
    await page.getByLabel('What the voice says').fill(speech);
    await expect(page.getByText('6,000 / 3,000')).toBeVisible();
    await page.getByLabel('The question (for your report)').fill('q'.repeat(301));
    await page.getByLabel('Means').first().fill('m'.repeat(61));
    await page.getByLabel('Let people press a key to be connected to a person (transfer and connect)').check();
    await page.getByLabel('Connect to').fill('12');
    await page.getByLabel('Said before connecting (optional)').fill('i'.repeat(301));
    await expect(page.getByLabel('Caller ID')).toHaveValue(/^\(\d{3}\) \d{3}-\d{4}$/);
    await page.getByLabel('Caller ID').fill('not a number');
    const text = 't'.repeat(1599);
    await page.getByLabel('Text', { exact: true }).fill(text);
    await page.getByLabel('Text', { exact: true }).pressSequentially('xy');
    await expect(page.getByText('1,601 / 1,600 characters')).toBeVisible();
    await expect(page.getByText('1 characters over the 1,600 a text may have').or(page.getByText('1 character over the 1,600 a text may have'))).toBeVisible();

    await page.reload();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByLabel('What the voice says')).toHaveValue(speech);
    await expect(page.getByLabel('The question (for your report)')).toHaveValue('q'.repeat(301));
    await expect(page.getByLabel('Means').first()).toHaveValue('m'.repeat(61));
    await expect(page.getByLabel('Said before connecting (optional)')).toHaveValue('i'.repeat(301));
    await expect(page.getByLabel('Caller ID')).toHaveValue('not a number');
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue(`${text}xy`);

    // Next refuses, says why beside the fields, and keeps the text.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByText('At most 300 characters').first()).toBeVisible();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue(`${text}xy`);

    // The earlier steps are still there too.
    await page.getByRole('tab', { name: 'Recipients' }).click();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143');
    await page.getByRole('tab', { name: 'Type & name' }).click();
    const name = page.getByLabel('Broadcast name');
    await expect(name).toHaveValue('Every limit');
    await name.fill('n'.repeat(99));
    await name.pressSequentially('ab');
    await expect(name).toHaveValue(`${'n'.repeat(99)}ab`);
    await expect(page.getByText('101 / 100')).toBeVisible();
    await expect(page.getByText('1 characters too many').or(page.getByText('1 character too many'))).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Broadcast name')).toHaveValue(`${'n'.repeat(99)}ab`);
    await expect(page.getByText('Call and text', { exact: true })).toBeVisible();
  });

  test('emptied and out-of-range delivery numbers survive a reload', async ({ page }) => {
    await toMessageStep(page);
    await page.getByRole('button', { name: 'Text to speech' }).first().click();
    await page.getByLabel('What the voice says').fill('School is closed today.');
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await page.getByLabel('Retries').fill('');
    await page.getByLabel('Calls at once').fill('5000');
    await page.reload();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await expect(page.getByLabel('Calls at once')).toHaveValue('5000');
    await page.getByRole('tab', { name: 'Type & name' }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('Every limit');
  });

  test('after Discard draft, step 1 shows no error until a field is left', async ({ page }) => {
    await toMessageStep(page);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('dialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard draft' }).click();
    await expect(heading(page, 'Type & name')).toBeVisible();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByLabel('Broadcast name')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Name the broadcast')).toHaveCount(0);
  });

  test('a fresh draft makes no request the server refuses', async ({ page }) => {
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && response.status() < 500) refused.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('/broadcasts/new');
    await expect(page.getByLabel('Broadcast name')).toBeFocused();
    await page.getByLabel('Broadcast name').fill('Quiet start');
    await page.getByText('Text message', { exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Recipients')).toBeFocused();
    await page.getByLabel('Phone numbers').fill('2145550143');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByLabel('Send from')).toBeVisible();
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Review & send')).toBeVisible();
    // A text broadcast's reach says nothing of calls.
    await expect(page.getByRole('definition').filter({ hasText: /^1 text$/ })).toBeVisible();
    expect(refused).toEqual([]);
  });

  test('a scheduled start reads "Schedule broadcast"; after a send, New broadcast opens a blank wizard', async ({ page }) => {
    await toMessageStep(page);
    await page.getByRole('button', { name: 'Text to speech' }).first().click();
    await page.getByLabel('What the voice says').fill('School is closed today.');
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Schedule for later').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Review & send')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Schedule broadcast' })).toBeVisible();
    // With the message written, the reach line is the service's preview, not the estimate.
    await expect(page.getByRole('progressbar', { name: 'Share of the available credits' })).toBeVisible();
    await expect(page.getByText('calls at most')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Send broadcast' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Schedule broadcast' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    await page.goto('/broadcasts');
    await page.getByRole('link', { name: 'New broadcast' }).first().click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('');
    await expect(heading(page, 'Type & name')).toBeVisible();
    await expect(page.getByText('was sent')).toHaveCount(0);
  });
});
