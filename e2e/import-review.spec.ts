import type { Page } from '@playwright/test';
import { createContact, findContacts } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

async function chooseFile(page: Page, name: string, csv: string) {
  await page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
}

const figure = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}: `));

test.describe('reviewing an import', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('shows each updated contact’s changes, before and after, and can keep the values contacts hold', async ({ page }) => {
    const kept = await createContact(page, { FirstName: 'Ada', LastName: 'Keepsake', PrimaryPhone: '6053400101', Notes: '' });
    await createContact(page, { FirstName: 'Ben', LastName: 'Same', PrimaryPhone: '6053400102' });
    const csv = ['Phone Number,First Name,Last Name,Notes', '6053400101,Ada,Overwritten,Walks home', '6053400102,Ben,Same,', '6053400103,Cy,Newcomer,'].join(
      '\n',
    );
    await page.goto('/contacts/import?list=36');
    await chooseFile(page, 'review.csv', csv);
    // The length limits are stated before the check, not only in a reject's reason.
    await expect(
      page.getByText('Names hold at most 50 characters each, notes 50 and integration data 512: a row with a longer value is rejected, not cut short.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Check the import' }).click();

    await expect(figure(page, 'New')).toHaveText('1');
    await expect(figure(page, 'Updated')).toHaveText('1');
    await expect(figure(page, 'Unchanged')).toHaveText('1');
    // The list sentence and the button give the same counts: 1 created, 1 updated, 3 joining (2 already contacts).
    await expect(page.getByText(/3 contacts will join Staff: the 1 new one and 2 you already had\./)).toBeVisible();
    const importButton = page.getByRole('button', { name: 'Create 1, update 1 and add 2 existing to Staff' });
    await expect(importButton).toBeEnabled();

    const changes = page.getByRole('table', { name: 'Changes to existing contacts' });
    await expect(changes.getByRole('row')).toHaveCount(2);
    await expect(changes.getByRole('row').nth(1)).toContainText('Last name: Keepsake → Overwritten');
    await expect(changes.getByRole('row').nth(1)).toContainText('Notes: (empty) → Walks home');
    await expect(page.getByText('1 contact holds a value the file replaces, shown as before → after.')).toBeVisible();

    await page.getByRole('checkbox', { name: 'Keep the values contacts already have (fill only empty fields)' }).check();
    await expect(changes.getByRole('row').nth(1)).not.toContainText('Last name');
    await expect(changes.getByRole('row').nth(1)).toContainText('Notes: (empty) → Walks home');
    await expect(page.getByText(/Only empty fields are filled in; the values contacts hold are kept/)).toBeVisible();
    expect((await findContacts(page, 'search=6053400101'))[0]).toMatchObject({ LastName: 'Keepsake', Notes: '' });

    await importButton.click();
    await expect(page.getByText('Import finished.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Changes made to existing contacts' })).toBeVisible();
    const [after] = await findContacts(page, 'search=6053400101');
    expect(after).toMatchObject({ PersonID: kept.PersonID, FirstName: 'Ada', LastName: 'Keepsake', Notes: 'Walks home' });
    expect(after!.Lists?.some((list) => list.ListID === 36)).toBe(true);
  });
});
