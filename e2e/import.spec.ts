import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { findContacts } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

async function chooseFile(page: Page, name: string, csv: string) {
  await page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
}

const figure = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}: `));

test.describe('importing contacts', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('imports good rows, rejects invalid and duplicate ones, and offers the rejects as a CSV', async ({ page }) => {
    const csv = [
      'First Name,Last Name,Cell #,Comments',
      'Ada,Importer,(605) 300-0601,First',
      'Bad,Importer,555-0123,',
      'Twin,Importer,605.300.0602,',
      'Twin,Again,1-605-300-0602,',
      'Excel,Importer,6.053000603E+09,',
    ].join('\n');
    await page.goto('/lists/36');
    await page.getByRole('link', { name: 'Import into list' }).click();
    await chooseFile(page, 'parents.csv', csv);

    await expect(page.getByLabel('Import Cell # as')).toHaveText('Phone number');
    await expect(page.getByLabel('Import Comments as')).toHaveText('Notes');
    const preview = page.getByRole('table', { name: 'Preview of the first rows' });
    await expect(preview.getByRole('row').filter({ hasText: 'Excel Importer' })).toContainText('(605) 300-0603');
    await expect(preview.getByRole('row').filter({ hasText: 'Bad Importer' })).toContainText('Invalid phone number');
    await expect(preview.getByRole('row').filter({ hasText: 'Twin Again' })).toContainText('Duplicate in file');

    await page.getByRole('button', { name: 'Check the import' }).click();
    await expect(page.getByRole('heading', { name: 'Review: nothing has changed yet' })).toBeVisible();
    await expect(figure(page, 'New')).toHaveText('3');
    await expect(figure(page, 'Updated')).toHaveText('0');
    await expect(figure(page, 'Rejected')).toHaveText('2');
    await expect(page.getByText('Invalid phone number: 1 · Duplicate in file: 1')).toBeVisible();
    await expect(page.getByText('3 contacts will join Staff.')).toBeVisible();
    expect(await findContacts(page, 'search=Importer')).toEqual([]);

    // Every rejected row comes from the API's problems route, through our server (decision 0073).
    const rejectsLink = page.getByRole('link', { name: 'Download rejected rows' });
    await expect(rejectsLink).toHaveAttribute('href', /^\/api\/v1\/contacts\/import\/[\w-]+\/problems$/);
    const [download] = await Promise.all([page.waitForEvent('download'), rejectsLink.click()]);
    expect(download.suggestedFilename()).toBe('parents-rejected-rows.csv');
    const rejects = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(rejects).toEqual([
      'Row,Reason,Problem,First Name,Last Name,Phone Number,Secondary Phone,Tertiary Phone,Notes,Integration Data',
      '3,Invalid phone number,"Phone number ""555-0123"": Not a valid US phone number",Bad,Importer,555-0123,,,,',
      '5,Duplicate in file,Same phone number as row 4,Twin,Again,6053000602,,,,',
    ]);

    await page.getByRole('button', { name: 'Import 3 contacts' }).click();
    await expect(page.getByText('Import finished.')).toBeVisible();
    await expect(figure(page, 'Added')).toHaveText('3');
    const imported = await findContacts(page, 'search=Importer&sortby=PrimaryPhone');
    expect(imported.map((contact) => [contact.FirstName, contact.PrimaryPhone])).toEqual([
      ['Ada', '6053000601'],
      ['Twin', '6053000602'],
      ['Excel', '6053000603'],
    ]);
    expect(imported.every((contact) => contact.Lists?.some((list) => list.ListID === 36))).toBe(true);
  });

  test('re-importing over an opted-out contact updates the name and keeps the opt-out', async ({ page }) => {
    const [optedOut] = await findContacts(page, 'PrimaryPhoneTextOptInStatus=OptedOut&DoNotCallPrimaryPhone=true&pagesize=1');
    expect(optedOut).toBeDefined();
    await page.goto('/contacts/import');
    await chooseFile(page, 'resync.csv', `Phone Number,First Name,Last Name,Notes\n${optedOut!.PrimaryPhone},Renamed,Byimport,\n`);
    await page.getByRole('button', { name: 'Check the import' }).click();
    await expect(figure(page, 'Updated')).toHaveText('1');
    await page.getByRole('button', { name: 'Update 1 contact' }).click();
    await expect(page.getByText('Import finished.')).toBeVisible();

    await page.goto(`/contacts/${optedOut!.PersonID}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Renamed Byimport' })).toBeVisible();
    const primary = page.getByRole('table', { name: 'Phone numbers' }).getByRole('row').filter({ hasText: 'Primary' });
    await expect(primary.getByText('Do not call')).toBeVisible();
    await expect(primary.getByText('Opted out')).toBeVisible();
    // Notes were empty in the file: the contact keeps its own.
    if (optedOut!.Notes) await expect(page.getByText(optedOut!.Notes)).toBeVisible();
  });

  test('reads pasted rows without a header and remembers a chosen mapping', async ({ page }) => {
    await page.goto('/contacts/import');
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page.getByLabel('Rows to import').fill('Paste\tPerson\t605-300-0701\tP-1\nPaste\tPeople\t605-300-0702\tP-2\nPaste\tBroken\t555-0199\tP-3');
    await page.getByRole('button', { name: 'Read the rows' }).click();
    await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
    await expect(page.getByLabel('The first row holds column names')).not.toBeChecked();
    await expect(page.getByLabel('Import Column 3 as')).toHaveText('Phone number');
    for (const [column, field] of [
      ['Column 1', 'First name'],
      ['Column 2', 'Last name'],
      ['Column 4', 'Integration data'],
    ]) {
      await page.getByLabel(`Import ${column} as`).click();
      await page.getByRole('option', { name: field }).click();
    }
    await page.getByRole('button', { name: 'Check the import' }).click();
    await expect(figure(page, 'New')).toHaveText('2');
    // Without a header line, rows are numbered as the pasted text counts them, in the table and in the download.
    await expect(page.getByRole('table', { name: 'Rejected rows' }).getByRole('row').nth(1)).toContainText('3Invalid phone number');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download rejected rows' }).click()]);
    expect(download.suggestedFilename()).toBe('pasted-contacts-rejected-rows.csv');
    expect((await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/)[1]).toBe(
      '3,Invalid phone number,"Phone number ""555-0199"": Not a valid US phone number",Paste,Broken,555-0199,,,,P-3',
    );
    // Back to the columns and checked again: the worker reads the rows again for the second file it builds.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Check the import' }).click();
    await expect(figure(page, 'New')).toHaveText('2');
    await expect(figure(page, 'Rejected')).toHaveText('1');
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(page.getByText('Import finished.')).toBeVisible();
    const imported = await findContacts(page, 'search=Paste&sortby=PrimaryPhone');
    expect(imported.map((contact) => [contact.LastName, contact.IntegrationData])).toEqual([
      ['Person', 'P-1'],
      ['People', 'P-2'],
    ]);

    // A file whose header names a column the same way gets the mapping chosen before.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(page, 'again.csv', 'Phone Number,Badge\n6053000703,B-7\n');
    await page.getByLabel('Import Badge as').click();
    await page.getByRole('option', { name: 'Integration data' }).click();
    await page.getByRole('button', { name: 'Check the import' }).click();
    await expect(figure(page, 'New')).toHaveText('1');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await chooseFile(page, 'again.csv', 'Badge,Phone Number\nB-8,6053000704\n');
    await expect(page.getByLabel('Import Badge as')).toHaveText('Integration data');
  });
});
