import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

// The app's code held back, as on a slow connection: what the page draws from its HTML alone.
const holdBackTheCode = (page: Page) => page.route('**/assets/*.js', (route) => route.abort());

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
