import { expect, logIn, test } from './fixtures.ts';

test('a bar under the top bar shows while the next page loads, and goes when it is there', async ({ page }) => {
  await logIn(page);
  // The lists page's code held back a moment, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/list-list-page-*.js', async (route) => {
    await held;
    await route.continue();
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading page' })).toBeVisible();
  // The page being left stays usable meanwhile.
  await expect(page.getByRole('table', { name: 'Broadcasts' })).toBeVisible();

  release();
  await expect(page.getByRole('grid', { name: 'Lists' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading page' })).toHaveCount(0);
});
