import type { Page } from '@playwright/test';
import { broadcastDetailSchema } from '../src/contract/broadcast-detail.ts';
import { feedSchema } from '../src/contract/feed.ts';
import { apiJson } from './api.ts';
import { findContacts } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';
import { send } from './support/wizard.ts';

const detailFeed = feedSchema(broadcastDetailSchema);

const NOT_A_NUMBER = 16;
const NO_NAME = 4;
const phoneOf = (index: number) => `307555${String(2000 + index)}`;

/** The file from the report: `Phone` and `Name` columns, 33 rows, one parent without a name, one number that is not one. */
function schoolFile() {
  const rows = Array.from({ length: 33 }, (_, index) =>
    index === NOT_A_NUMBER ? '307-555-01,Broken Number' : `(307) 555-${2000 + index},${index === NO_NAME ? '' : `Ava${index} Lincoln`}`,
  );
  return ['Phone,Name', ...rows].join('\n');
}

async function startTextWithFile(page: Page, name: string) {
  await page.goto('/broadcasts/new');
  await page.getByLabel('Broadcast name').fill(name);
  await page.getByText('Text message', { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeFocused();
  await page.getByLabel('CSV file of recipients').setInputFiles({ name: 'lincoln.csv', mimeType: 'text/csv', buffer: Buffer.from(schoolFile()) });
}

test.describe('merge fields in the wizard', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('a Phone and Name file: columns matched, names split, rows left out counted with their reasons', async ({ page }) => {
    await startTextWithFile(page, 'Early dismissal (file)');
    await expect(page.getByText('lincoln.csv: 32 people')).toBeVisible();
    await expect(page.getByText('33 rows. Read “Phone” as phone number, “Name” as full name (first and last).')).toBeVisible();
    const leftOut = page.getByRole('note', { name: 'Rows of lincoln.csv left out' });
    await expect(leftOut).toContainText('1 row left out: 1 invalid phone number');
    await expect(leftOut).toContainText(`Row ${NOT_A_NUMBER + 2}: Phone number "307-555-01"`);
  });

  test('counts who lacks a merge field, takes a fallback, previews it and sends it', async ({ page }) => {
    await startTextWithFile(page, 'Early dismissal');
    await expect(page.getByText('lincoln.csv: 32 people')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Text', { exact: true }).fill('Hi {{FirstName}}, Lincoln Elementary closes at noon today.');

    const panel = page.getByRole('complementary', { name: 'Who it reaches' });
    await expect(panel.getByText('First name: 1 of 32 people has none.')).toBeVisible();
    // The first person in the file, by default.
    await expect(panel.getByLabel('The text this person gets')).toHaveText('Hi Ava0, Lincoln Elementary closes at noon today.');
    await panel.getByRole('combobox', { name: 'Preview for' }).click();
    await page.getByRole('option', { name: 'No name · (307) 555-2004' }).click();
    await expect(panel.getByLabel('The text this person gets')).toHaveText('Hi , Lincoln Elementary closes at noon today.');
    await panel.getByLabel('First name for those without one').fill('there');
    await expect(panel.getByText('That person gets “there” instead.')).toBeVisible();
    await expect(panel.getByLabel('The text this person gets')).toHaveText('Hi there, Lincoln Elementary closes at noon today.');
    await panel.getByRole('combobox', { name: 'Preview for' }).click();
    await page.getByRole('option', { name: /^A sample person/ }).click();
    await expect(panel.getByLabel('The text this person gets')).toHaveText('Hi Jordan, Lincoln Elementary closes at noon today.');

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
    const windowSwitch = page.getByLabel('Only call and text inside my calling window');
    if (await windowSwitch.isVisible()) await windowSwitch.uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    const broadcastId = await send(page);

    const details = (await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}/details?pagesize=1000`, detailFeed)).Items;
    expect(details).toHaveLength(32);
    const textTo = (index: number) => details.find((detail) => detail.PhoneNumber === phoneOf(index))?.MessageText;
    expect(textTo(NO_NAME)).toBe('Hi there, Lincoln Elementary closes at noon today.');
    expect(textTo(0)).toBe('Hi Ava0, Lincoln Elementary closes at noon today.');
    expect(details.some((detail) => /Hi ,/.test(detail.MessageText ?? ''))).toBe(false);
  });
});

test.describe('full-name columns in the contacts import', () => {
  test('a single Name column is read as the full name and split, as the wizard does', async ({ page }) => {
    await logIn(page);
    await page.goto('/contacts/import');
    const csv = ['Phone,Name', '(605) 300-0711,"Splitter, Grace"', '605-300-0712,Ada King Splitter'].join('\n');
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByLabel('Import Name as')).toHaveText('Full name (first and last)');
    const preview = page.getByRole('table', { name: 'Preview of the first rows' });
    await expect(preview.getByRole('row').filter({ hasText: 'Grace Splitter' })).toContainText('(605) 300-0711');

    await page.getByRole('button', { name: 'Check the import' }).click();
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(page.getByText('Import finished.')).toBeVisible();
    const imported = await findContacts(page, 'search=Splitter&sortby=PrimaryPhone');
    expect(imported.map((contact) => [contact.FirstName, contact.LastName])).toEqual([
      ['Grace', 'Splitter'],
      ['Ada', 'King Splitter'],
    ]);
  });
});
