import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';
import { createContact } from './contacts-api.ts';
import { EVERY_PAGE } from './support/every-page.ts';

/**
 * Against a sandbox that answers only the routes a public source documents (SANDBOX_DOCUMENTED_ONLY, decision 0130),
 * as the real service may: every page still works, and a feature whose route is missing says so in one sentence
 * instead of showing an error (decision 0131).
 */

const errorAlerts = (page: Page) => page.locator('.MuiAlert-colorError');

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.MuiSkeleton-root, [role="progressbar"][aria-label^="Loading"]')).toHaveCount(0, { timeout: 15_000 });
}

test('logging in needs only the login answer', async ({ page }) => {
  await logIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Broadcasts' })).toBeVisible();
});

test('every page shows no error, whatever routes are missing', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page);
  const found: Record<string, string[]> = {};
  for (const path of EVERY_PAGE) {
    await page.goto(path);
    await settle(page);
    const alerts = await errorAlerts(page).allInnerTexts();
    if (alerts.length > 0) found[path] = alerts;
  }
  expect(found).toEqual({});
});

test('a page whose list the API cannot give says so in one sentence', async ({ page }) => {
  await logIn(page);
  for (const [path, sentence] of [
    ['/account', 'The usage report is not offered by this API.'],
    ['/conversations/1', 'Opening a conversation is not offered by this API.'],
    ['/phone-numbers/6153308426', "A number's opt-out history is not offered by this API."],
    ['/audio', 'Listing the audio library is not offered by this API.'],
  ] as const) {
    await page.goto(path);
    await settle(page);
    await expect(page.getByText(sentence, { exact: true })).toBeVisible();
    await expect(errorAlerts(page)).toHaveCount(0);
  }
});

test('pausing a running broadcast says the API does not offer it, and the button gives way to the sentence', async ({ page }) => {
  await logIn(page);
  const name = 'Early dismissal: water main break';
  await page.goto(`/broadcasts?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).first().click();
  await settle(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Pausing is not offered by this API.', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(errorAlerts(page)).toHaveCount(0);
});

test('the wizard estimates reach and cost from the list sizes when the API has no preview', async ({ page }) => {
  await logIn(page);
  await page.goto('/broadcasts/new');
  await page.getByLabel('Broadcast name').fill('Documented routes only');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Phone numbers').fill('2145550100\n2145550101\n2145550102');
  const summary = page.getByRole('complementary', { name: 'Who it reaches' });
  await expect(summary.getByText(/An estimate from the list sizes/)).toBeVisible();
  await expect(summary.getByText('calls at most')).toBeVisible();
  await expect(summary).toContainText('3');
  await expect(errorAlerts(page)).toHaveCount(0);
});

test('an import without the import route creates each good row with the documented contact create', async ({ page }) => {
  await logIn(page);
  // A contact that exists already, in no list: the import counts it, and says it could not join the list.
  await createContact(page, { FirstName: 'Tres', LastName: 'Documented', PrimaryPhone: '6053000703' });
  const csv = [
    'First Name,Last Name,Phone Number',
    'Una,Documented,(605) 300-0701',
    'Bad,Documented,555-0123',
    'Dos,Documented,605-300-0702',
    'Tres,Documented,605-300-0703',
  ].join('\n');
  await page.goto('/lists/36');
  await page.getByRole('link', { name: 'Import into list' }).click();
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'documented.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the import' }).click();
  await expect(page.getByRole('heading', { name: 'Review: nothing has changed yet' })).toBeVisible();
  await expect(page.getByText(/^Importing contacts in one step is not offered by this API\./)).toBeVisible();
  await expect(page.getByLabel(/^New: /)).toHaveText('3');
  await expect(page.getByLabel(/^Rejected: /)).toHaveText('1');
  await expect(page.getByRole('link', { name: 'Download rejected rows' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(page.getByText('Import finished.')).toBeVisible();
  await expect(page.getByLabel(/^Added: /)).toHaveText('2');
  await expect(page.getByLabel(/^Unchanged: /)).toHaveText('1');
  await expect(page.getByText(/1 contact you already had could not join it\. Adding contacts to a list is not offered by this API\./)).toBeVisible();
  await page.getByRole('link', { name: 'Open Staff' }).click();
  await page.getByLabel('Search members').fill('Documented');
  await expect(page.getByRole('row').filter({ hasText: 'Documented' })).toHaveCount(2);
  await expect(errorAlerts(page)).toHaveCount(0);
});

test('adding an opt-out says the API does not offer it, in the dialog and then in place of the button', async ({ page }) => {
  await logIn(page);
  await page.goto('/opt-outs');
  await settle(page);
  await page.getByRole('button', { name: 'Add opt-out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an opt-out' });
  await dialog.getByLabel('Phone number').fill('2145550188');
  await dialog.getByLabel('Reason').fill('Asked by phone');
  await dialog.getByRole('button', { name: 'Add opt-out' }).click();
  await expect(dialog.getByText('Adding opt-outs is not offered by this API.')).toBeVisible();
  await expect(errorAlerts(page)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Adding opt-outs is not offered by this API.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add opt-out' })).toHaveCount(0);
});
