import { readFile } from 'node:fs/promises';
import { createContact } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

test.describe('contacts', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('creates a contact, refuses bad and duplicate numbers beside the field, edits and finds it', async ({ page }) => {
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Marie');
    await dialog.getByLabel('Last name').fill('Sklodowska');
    await dialog.getByLabel('Primary phone').fill('555-0101');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await expect(dialog.getByText('Not a valid US phone number')).toBeVisible();

    await dialog.getByLabel('Primary phone').fill('+1 (605) 300-0101');
    await expect(dialog.getByText('Saved as (605) 300-0101')).toBeVisible();
    await dialog.getByLabel('Notes').fill('Physics');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Contact created.' })).toBeVisible();

    // The same number again is refused, and the typed values stay.
    await page.getByRole('button', { name: 'New contact' }).click();
    await dialog.getByLabel('First name').fill('Twin');
    await dialog.getByLabel('Primary phone').fill('6053000101');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await expect(dialog.getByText(/A contact with the phone number \(605\) 300-0101 already exists/)).toBeVisible();
    await expect(dialog.getByLabel('First name')).toHaveValue('Twin');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Search by any way of writing the number, and by name.
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await page.getByLabel('Search contacts').fill('(605) 300-0101');
    await expect(page).toHaveURL(/q=%28605%29/);
    await expect(grid.getByRole('row').filter({ hasText: 'Marie Sklodowska' })).toBeVisible();
    await expect(page.getByText('1 matching')).toBeVisible();
    // The row is already on screen from the last search: the new answer must be in before the click, or the grid
    // redraws the link between the press and the release.
    const searchedByName = page.waitForResponse((response) => response.url().includes('search=sklodowska%20marie'));
    await page.getByLabel('Search contacts').fill('sklodowska marie');
    await searchedByName;
    await expect(grid.getByRole('row').filter({ hasText: 'Marie Sklodowska' })).toBeVisible();

    await grid.getByRole('link', { name: 'Marie Sklodowska' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Marie Sklodowska' })).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit contact' });
    await edit.getByLabel('Last name').fill('Curie');
    await edit.getByLabel('Notes').fill('Physics and chemistry');
    await edit.getByLabel('Secondary phone').fill('605.300.0102');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Marie Curie' })).toBeVisible();
    await expect(page.getByText('Physics and chemistry')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Phone numbers' }).getByText('(605) 300-0102')).toBeVisible();
  });

  test('finds names with or without accents, and exports a search as CSV with formulas neutralized', async ({ page }) => {
    await createContact(page, { FirstName: 'José', LastName: 'Exportable', PrimaryPhone: '6053009401', Notes: '=HYPERLINK("x")' });
    await createContact(page, { FirstName: 'Anna', LastName: 'Müllerexport', PrimaryPhone: '6053009402' });
    await page.goto('/contacts');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await page.getByLabel('Search contacts').fill('jose exportable');
    await expect(grid.getByRole('row').filter({ hasText: 'José Exportable' })).toBeVisible();
    await page.getByLabel('Search contacts').fill('Mullerexport');
    await expect(grid.getByRole('row').filter({ hasText: 'Anna Müllerexport' })).toBeVisible();

    await page.getByLabel('Search contacts').fill('export');
    await expect(page.getByText('2 matching')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^contacts-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await file.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('First name,Last name,Primary phone,Secondary phone,Tertiary phone,Notes,Integration data,Lists,Last updated');
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith('José,'))).toContain(`"'=HYPERLINK(""x"")"`);
    await expect(page.getByRole('status').filter({ hasText: 'Exported 2 contacts.' })).toBeVisible();
  });

  test('the Deleted folder shows when each contact was deleted, the latest first', async ({ page }) => {
    const first = await createContact(page, { FirstName: 'Early', LastName: 'Binned', PrimaryPhone: '6053009411' });
    const second = await createContact(page, { FirstName: 'Later', LastName: 'Binned', PrimaryPhone: '6053009412' });
    for (const contact of [second, first]) {
      const response = await page.request.delete(`/api/v1/contacts/${contact.PersonID}?MoveToDeleted=true`, { headers: { 'x-requested-with': 'callboard' } });
      expect(response.ok()).toBe(true);
    }
    await page.goto('/lists/deleted');
    const grid = page.getByRole('grid', { name: 'Deleted contacts' });
    await expect(grid.getByRole('columnheader', { name: 'Deleted' })).toBeVisible();
    const rows = grid.getByRole('row').filter({ hasText: 'Binned' });
    // "Early" went last, so it comes first.
    await expect(rows.first()).toContainText('Early Binned');
    await expect(rows.nth(1)).toContainText('Later Binned');
    await expect(rows.first()).toContainText(/\d{1,2}:\d{2}/);
  });

  test('deletes to the Deleted folder with undo, restores from the folder and purges for good', async ({ page }) => {
    await createContact(page, { FirstName: 'Pierre', LastName: 'Deletable', PrimaryPhone: '6053000201', Lists: [{ ListID: 36 }] });
    await page.goto('/contacts?q=Deletable');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    const row = grid.getByRole('row').filter({ hasText: 'Pierre Deletable' });
    await row.getByRole('checkbox').check();
    await expect(page.getByText('1 contact selected')).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this contact?' });
    await confirm.getByRole('button', { name: 'Delete 1 contact' }).click();
    const notice = page.getByRole('status').filter({ hasText: '1 contact moved to the Deleted folder.' });
    await expect(notice).toBeVisible();
    await expect(row).toBeHidden();

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 contact restored.' })).toBeVisible();
    await expect(row).toBeVisible();
    await expect(row.getByText('Staff')).toBeVisible();

    // Delete again, then restore from the Deleted folder.
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 contact' }).click();
    await expect(row).toBeHidden();
    await page.goto('/lists/deleted?q=Deletable');
    const folder = page.getByRole('grid', { name: 'Deleted contacts' });
    const deletedRow = folder.getByRole('row').filter({ hasText: 'Pierre Deletable' });
    await deletedRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 contact restored to their lists.' })).toBeVisible();
    await expect(deletedRow).toBeHidden();
    await page.goto('/contacts?q=Deletable');
    await expect(row).toBeVisible();

    // And purge it: gone for good.
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 contact' }).click();
    await page.goto('/lists/deleted?q=Deletable');
    await deletedRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete forever' }).click();
    await page.getByRole('dialog', { name: 'Delete 1 contact forever?' }).getByRole('button', { name: 'Delete 1 contact forever' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 contact deleted forever.' })).toBeVisible();
    await expect(deletedRow).toBeHidden();
  });

  test('selects every contact matching a search, on every page, and deletes them with one undo', async ({ page }) => {
    for (let index = 0; index < 12; index += 1) {
      await createContact(page, { FirstName: `Member${index}`, LastName: 'Batchworth', PrimaryPhone: `60530003${String(index).padStart(2, '0')}` });
    }
    await page.goto('/contacts?q=Batchworth&size=10');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await expect(page.getByText('12 matching')).toBeVisible();
    await grid.getByRole('checkbox', { name: 'Select all rows' }).check();
    await expect(page.getByText('10 contacts selected')).toBeVisible();
    await page.getByRole('button', { name: 'Select all 12 contacts' }).click();
    await expect(page.getByText('All 12 contacts selected')).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete 12 contacts?' }).getByRole('button', { name: 'Delete 12 contacts' }).click();
    const notice = page.getByRole('status').filter({ hasText: '12 contacts moved to the Deleted folder.' });
    await expect(notice).toBeVisible();
    await expect(page.getByText('No contact matches “Batchworth”.')).toBeVisible();
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('12 matching')).toBeVisible();
  });
});
