import { createContact } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

test.describe('lists', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('creates a list, renames it, adds and removes members, and deletes it', async ({ page }) => {
    for (const [first, phone] of [
      ['Orla', '6053000401'],
      ['Otto', '6053000402'],
      ['Olga', '6053000403'],
    ] as const) {
      await createContact(page, { FirstName: first, LastName: 'Listwright', PrimaryPhone: phone });
    }
    await page.goto('/lists');
    await page.getByRole('button', { name: 'New list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New list' });
    await dialog.getByLabel('Name').fill('Staff');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await expect(dialog.getByText('A list named "Staff" already exists.')).toBeVisible();
    await dialog.getByLabel('Name').fill('Robotics Club');
    await dialog.getByLabel('Description').fill('Thursday builders');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'List “Robotics Club” created.' })).toBeVisible();

    const lists = page.getByRole('grid', { name: 'Lists' });
    await lists.getByRole('button', { name: 'Rename Robotics Club' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename list' });
    await rename.getByLabel('Name').fill('Robotics & Coding Club');
    await rename.getByRole('button', { name: 'Save' }).click();
    await lists.getByRole('link', { name: 'Robotics & Coding Club' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Robotics & Coding Club' })).toBeVisible();
    await expect(page.getByText('0 contacts')).toBeVisible();

    // Add three members through the search picker.
    const picker = page.getByLabel('Add contacts');
    for (const name of ['Orla', 'Otto', 'Olga']) {
      await picker.fill(`${name} Listwright`);
      await page.getByRole('option', { name: new RegExp(`${name} Listwright`) }).click();
    }
    await page.getByRole('button', { name: 'Add 3' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 added to Robotics & Coding Club.' })).toBeVisible();
    const members = page.getByRole('grid', { name: 'Members of Robotics & Coding Club' });
    await expect(members.getByRole('row').filter({ hasText: 'Listwright' })).toHaveCount(3);
    await expect(page.getByText('3 contacts')).toBeVisible();

    // Remove one, undo it, then remove all.
    await members.getByRole('button', { name: 'Remove Otto Listwright from the list' }).click();
    const removed = page.getByRole('status').filter({ hasText: '1 contact removed from Robotics & Coding Club.' });
    await expect(removed).toBeVisible();
    await expect(members.getByRole('row').filter({ hasText: 'Listwright' })).toHaveCount(2);
    await removed.getByRole('button', { name: 'Undo' }).click();
    await expect(members.getByRole('row').filter({ hasText: 'Listwright' })).toHaveCount(3);

    await page.getByRole('button', { name: 'Remove all' }).click();
    await page.getByRole('dialog', { name: 'Remove 3 contacts from Robotics & Coding Club?' }).getByRole('button', { name: 'Remove 3 contacts' }).click();
    await expect(page.getByText('No one in this list yet.')).toBeVisible();

    // The contacts stay; the list goes.
    await page.getByRole('button', { name: 'Delete list' }).click();
    await page.getByRole('dialog', { name: 'Delete the list “Robotics & Coding Club”?' }).getByRole('button', { name: 'Delete list' }).click();
    await expect(page).toHaveURL(/\/lists$/);
    await expect(lists.getByRole('link', { name: 'Robotics & Coding Club' })).toBeHidden();
    await page.goto('/contacts?q=Listwright');
    await expect(page.getByText('3 matching')).toBeVisible();
  });

  test('shows the system lists with their counts and protects them', async ({ page }) => {
    await page.goto('/lists');
    const lists = page.getByRole('grid', { name: 'Lists' });
    for (const name of ['Deleted', 'Everyone', 'Unfiled']) await expect(lists.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(lists.getByRole('button', { name: 'Delete Everyone' })).toHaveCount(0);
    await lists.getByRole('link', { name: 'Everyone', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Everyone' })).toBeVisible();
    await expect(page.getByText('Every contact is in Everyone.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete list' })).toHaveCount(0);
  });

  test('empties the Deleted folder only after the count is typed', async ({ page }) => {
    await createContact(page, { FirstName: 'Gone', LastName: 'Forgood', PrimaryPhone: '6053000501' });
    await page.goto('/contacts?q=Forgood');
    await page.getByRole('grid', { name: 'Contacts' }).getByRole('row').filter({ hasText: 'Gone Forgood' }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 contact' }).click();
    await expect(page.getByText('No contact matches “Forgood”.')).toBeVisible();

    await page.goto('/lists/deleted');
    const response = await page.request.get('/api/v1/lists/deleted');
    const { RosterCount } = (await response.json()) as { RosterCount: number };
    expect(RosterCount).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Empty folder' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${RosterCount} contacts forever?` });
    const purge = dialog.getByRole('button', { name: `Delete ${RosterCount} contacts forever` });
    await expect(purge).toBeDisabled();
    await dialog.getByLabel(`Type ${RosterCount} to confirm`).fill(String(RosterCount - 1));
    await expect(purge).toBeDisabled();
    await dialog.getByLabel(`Type ${RosterCount} to confirm`).fill(String(RosterCount));
    await purge.click();
    await expect(page.getByRole('status').filter({ hasText: `${RosterCount} contacts deleted forever.` })).toBeVisible();
    await expect(page.getByText('The Deleted folder is empty')).toBeVisible();
  });
});
