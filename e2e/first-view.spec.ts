import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

// The app's code held back, as on a slow connection: what the page draws from its HTML alone.
const holdBackTheCode = (page: Page) => page.route('**/assets/*.js', () => new Promise<void>(() => {}));

test('before its code arrives, a signed-in visit shows the top bar, the navigation column and a moving bar', async ({ page }) => {
  await logIn(page);
  await holdBackTheCode(page);
  await page.goto('/contacts');
  await expect(page.getByRole('progressbar', { name: 'Loading Callboard' })).toBeVisible();
  await expect(page.getByText('Callboard', { exact: true })).toBeVisible();

  // Once the code is there, the app takes over from the outline.
  await page.unroute('**/assets/*.js');
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading Callboard' })).toHaveCount(0);
});

test('before its code arrives, a page shows its title and description where the page itself draws them', async ({ page }) => {
  await logIn(page);
  // A phone's width: the page's buttons go under its header, so the header is laid out the same with or without them.
  await page.setViewportSize({ width: 412, height: 823 });
  await holdBackTheCode(page);
  await page.goto('/contacts');
  const description = 'Everyone you can call or text. Search by name or any part of a phone number.';
  await expect(page.getByText('Contacts', { exact: true })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  const outline = [await page.getByText('Contacts', { exact: true }).boundingBox(), await page.getByText(description).boundingBox()];

  await page.unroute('**/assets/*.js');
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Contacts' })).toBeVisible();
  const title = page.getByRole('heading', { level: 1, name: 'Contacts' });
  expect([await title.boundingBox(), await page.getByText(description).boundingBox()]).toEqual(outline);

  // A page left out of the intros (the import page has a back link above its title) draws only the outline.
  await holdBackTheCode(page);
  await page.goto('/contacts/import');
  await expect(page.getByRole('progressbar', { name: 'Loading Callboard' })).toBeVisible();
  await expect(page.getByText('Import contacts')).toHaveCount(0);
});

test('a signed-out visit shows only the moving bar before the login page', async ({ page }) => {
  await holdBackTheCode(page);
  await page.goto('/login');
  await expect(page.getByRole('progressbar', { name: 'Loading Callboard' })).toBeVisible();
  await expect(page.getByText('Callboard', { exact: true })).toBeHidden();
});

test('the outline takes the colour mode the user chose, before the app does', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await logIn(page);
  await page.evaluate("localStorage.setItem('callboard-theme', 'dark')");
  await holdBackTheCode(page);
  await page.goto('/broadcasts');
  await expect(page.getByText('Callboard', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
});

test("when the app's code cannot be loaded, the outline says so instead of loading for ever", async ({ page, pageErrors }) => {
  await logIn(page);
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/broadcasts');
  await expect(page.getByRole('alert')).toHaveText('Callboard could not be loaded. Check your connection, then reload the page.');
  await expect(page.getByRole('progressbar', { name: 'Loading Callboard' })).toBeHidden();
  // The failure is still reported as an error of the page, which is what this test causes.
  expect(pageErrors).toEqual([expect.stringContaining('Failed to fetch dynamically imported module')]);
  pageErrors.length = 0;
});
