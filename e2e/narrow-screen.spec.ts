import { DEMO_MASTER, expect, test } from './fixtures.ts';

// Run in the page, which has the DOM's globals.
declare function getComputedStyle(element: unknown): { lineHeight: string };

test.use({ viewport: { width: 412, height: 823 } });

test('on a narrow screen the navigation is a drawer, and its counts show in the top bar', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill(DEMO_MASTER.userName);
  await page.getByLabel('PIN code', { exact: true }).fill(DEMO_MASTER.pinCode);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('table', { name: 'Broadcasts' })).toBeVisible();

  // No side navigation is drawn; the unread count comes up to the bar, and before the tab's title.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const count = page.getByRole('banner').getByLabel(/^\d+ unread$/);
  await expect(count).toBeVisible();
  // It sits on the menu button's corner, not beside it: the bar does not move when the count arrives.
  const menu = (await page.getByRole('button', { name: 'Open navigation' }).boundingBox())!;
  const badge = (await count.boundingBox())!;
  const badgeCentre = badge.x + badge.width / 2;
  expect(badgeCentre).toBeGreaterThan(menu.x);
  expect(badgeCentre).toBeLessThan(menu.x + menu.width);
  const unread = Number(/\d+/.exec((await count.getAttribute('aria-label')) ?? '')?.[0]);
  await expect(page).toHaveTitle(`(${unread}) Broadcasts · Callboard`);

  await page.getByRole('button', { name: 'Open navigation' }).click();
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByLabel(`${unread} unread`)).toBeVisible();
  await navigation.getByRole('link', { name: 'Contacts' }).click();

  await expect(page.getByRole('grid', { name: 'Contacts' })).toBeVisible();
  await expect(navigation).toHaveCount(0);
  // Closing the drawer leaves the count where it was.
  await expect(page).toHaveTitle(`(${unread}) Contacts · Callboard`);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a thread’s header keeps the name whole and its numbers on two lines at most, the actions below', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('User name').fill(DEMO_MASTER.userName);
    await page.getByLabel('PIN code', { exact: true }).fill(DEMO_MASTER.pinCode);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('table', { name: 'Broadcasts' })).toBeVisible();
    await page.goto('/conversations');
    const first = page.getByRole('list', { name: 'Conversations' }).getByRole('link').first();
    const name = (await first.locator('span').first().textContent()) ?? '';
    await first.click();

    const title = page.getByRole('heading', { level: 2, name });
    await expect(title).toBeVisible();
    expect(await title.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth)).toBe(true);
    const numbers = title.locator('xpath=following-sibling::p');
    const lineHeight = await numbers.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect((await numbers.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
    // The actions sit under the numbers, not squeezed beside them.
    const markDone = (await page.getByRole('button', { name: 'Mark done' }).boundingBox())!;
    expect(markDone.y).toBeGreaterThan((await numbers.boundingBox())!.y);
  });
});
