import { readFile } from 'node:fs/promises';
import { expect, logIn, test } from './fixtures.ts';

test.describe('opt-outs', () => {
  test('an opt-out is added by hand, shows in the list and the number’s history, and is lifted with consent', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: 'Opt-outs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opt-outs' })).toBeVisible();

    await page.getByRole('button', { name: 'Add opt-out' }).click();
    const add = page.getByRole('dialog', { name: 'Add an opt-out' });
    await add.getByLabel('Phone number').fill('469 555 017');
    await add.getByLabel('Calls only').check();
    await add.getByRole('button', { name: 'Add opt-out' }).click();
    await expect(add.getByText('Not a valid US phone number')).toBeVisible();
    await expect(add.getByText('Say why, e.g. “Asked by phone”')).toBeVisible();
    await add.getByLabel('Phone number').fill('(469) 555-0177');
    await add.getByLabel('Reason').fill('Asked at the front office');
    await add.getByRole('button', { name: 'Add opt-out' }).click();
    await expect(add).toBeHidden();
    await expect(page.getByText('(469) 555-0177 is opted out of calls.')).toBeVisible();

    await page.getByLabel('Search').fill('4695550177');
    await expect(page).toHaveURL(/q=4695550177/);
    const row = page.getByRole('row', { name: /\(469\) 555-0177/ });
    await expect(row).toContainText('Asked at the front office');
    await expect(row).toContainText('Calls');
    await expect(row).not.toContainText('Texts');

    await row.getByRole('link', { name: '(469) 555-0177' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '(469) 555-0177' })).toBeVisible();
    const history = page.getByRole('list', { name: 'Opt-out history' });
    await expect(history).toContainText('Opted out of calls: added by Luke Skywalker: “Asked at the front office”');
    const reach = page.getByRole('region', { name: 'Can we reach it?' });
    await expect(reach.getByText(/^Since .+: added by Luke Skywalker: “Asked at the front office”\.$/)).toBeVisible();
    await expect(reach.getByText('Blocked')).toHaveCount(1);
    await expect(reach.getByText('Can be reached.')).toHaveCount(1);

    await page.goBack();
    await row.getByRole('button', { name: 'Opt (469) 555-0177 back in' }).click();
    const remove = page.getByRole('dialog', { name: 'Opt (469) 555-0177 back in?' });
    await remove.getByRole('button', { name: 'Opt back in to calls' }).click();
    await expect(remove.getByText('Confirm that the person asked to be contacted again')).toBeVisible();
    await remove.getByLabel('How did they ask?').fill('Called the office on 5/3');
    await remove.getByLabel(/The person asked to be contacted again/).check();
    await remove.getByRole('button', { name: 'Opt back in to calls' }).click();
    await expect(remove).toBeHidden();
    await expect(page.getByText('(469) 555-0177 is opted back in to calls.')).toBeVisible();
    await expect(row).toBeHidden();
    await expect(page.getByText('No opt-outs match.')).toBeVisible();

    await page.goto('/phone-numbers/469-555-0177');
    await expect(page).toHaveURL(/\/phone-numbers\/4695550177$/);
    await expect(history).toContainText('Opted back in to calls: lifted by Luke Skywalker: “Called the office on 5/3”');
    await expect(reach.getByText('Can be reached.')).toHaveCount(2);
  });

  test('adding an opt-out a number already has says so and keeps its reason and history', async ({ page }) => {
    await logIn(page);
    await page.goto('/opt-outs');
    const addOptOut = async (reason: string) => {
      await page.getByRole('button', { name: 'Add opt-out' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an opt-out' });
      await dialog.getByLabel('Phone number').fill('(469) 555-0178');
      await dialog.getByLabel('Reason').fill(reason);
      await dialog.getByRole('button', { name: 'Add opt-out' }).click();
      return dialog;
    };
    const first = await addOptOut('Asked by phone');
    await expect(first).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '(469) 555-0178 is opted out of calls and texts.' })).toBeVisible();

    const again = await addOptOut('Asked again');
    await expect(again.getByRole('alert')).toContainText(
      /^\(469\) 555-0178 is already opted out of calls and texts \(since .+, reason: Asked by phone\); nothing was changed\./,
    );
    await again.getByRole('link', { name: 'See its history' }).click();
    await expect(page).toHaveURL(/\/phone-numbers\/4695550178$/);
    const history = page.getByRole('list', { name: 'Opt-out history' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('Asked by phone');
    await expect(history).not.toContainText('Asked again');
  });

  test('the date and the search live in the URL', async ({ page }) => {
    await logIn(page);
    await page.goto('/opt-outs?from=2099-01-01');
    // The date picker the other pages use.
    const from = page.getByRole('group', { name: 'Opted out on or after' });
    await expect(from).toContainText('01/01/2099');
    await expect(page.getByText('No opt-outs match.')).toBeVisible();

    await from.getByRole('spinbutton', { name: 'Month' }).click();
    await page.keyboard.type('01012000');
    await expect(page).toHaveURL(/from=2000-01-01/);
    await expect(page.getByRole('row', { name: /Replied/ }).first()).toBeVisible();
    await page.getByLabel('Search').fill('zzzz-nobody');
    await expect(page).toHaveURL(/q=zzzz-nobody/);
    await expect(page.getByText('No opt-outs match.')).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel('Search')).toHaveValue('');
  });

  test('the list exports as CSV', async ({ page }) => {
    await logIn(page);
    await page.goto('/opt-outs?channel=text');
    const total = page.getByText(/^1–\d+ of [1-9]\d*$/);
    await expect(total).toBeVisible();
    const count = Number(/of (\d+)$/.exec((await total.textContent()) ?? '')?.[1]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^opt-outs-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await file.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]?.replace(/^\uFEFF/, '')).toBe('Phone number,First name,Last name,Calls,Texts,Global,Notes,Opted out');
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((line) => line.split(',')[4] === 'Opted out')).toBe(true);
    await expect(page.getByText(`Exported ${count} opt-outs.`)).toBeVisible();
  });
});
