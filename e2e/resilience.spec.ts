import type { Page, Request, Route } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

/**
 * The API slow, down, rate-limiting or failing, played by intercepting the app's own requests: reads are retried with
 * backoff (and as late as Retry-After says), writes are never retried by themselves, the user is told what happened
 * without losing what they typed, and a banner says when the server cannot be reached and clears itself.
 */

const errorBody = (name: string, message: string) => JSON.stringify({ ErrorCode: 9002, ErrorName: name, ErrorType: 'Server', Message: message });

/** How many requests the page has sent that `matches`. */
function countRequests(page: Page, matches: (request: Request) => boolean) {
  const sent = { count: 0 };
  page.on('request', (request) => {
    if (matches(request)) sent.count += 1;
  });
  return sent;
}

/**
 * Stops the page's clock where it stands (Playwright's clock, installed before the page loaded): a wait the page
 * starts from here on passes only as the test runs the clock, so it is measured exactly, with no real time in it.
 */
async function pauseClock(page: Page) {
  // A second ahead: the page's time goes on while the test asks for it, and the clock cannot be put back.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

/**
 * Runs the page's paused clock in steps of 100 ms until `done`, and says how far it ran: never less than the page
 * waited (a request is seen a moment after its timer fires, so the figure can only come out later).
 */
async function runClockUntil(page: Page, done: () => boolean, limitMs = 10_000): Promise<number> {
  let ran = 0;
  while (!done() && ran < limitMs) {
    await page.clock.runFor(100);
    ran += 100;
  }
  return ran;
}

const isContactsList = (url: URL) => url.pathname === '/api/v1/contacts';

test.describe('when the API misbehaves', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('a slow answer shows that it is loading, then the data', async ({ page }) => {
    await page.route(
      (url) => url.pathname === '/api/v1/lists',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await route.continue();
      },
    );
    await page.goto('/lists');
    const loading = page.getByRole('status', { name: 'Lists loading' });
    await expect(loading).toHaveText('Loading lists…');
    await expect(page.getByRole('link', { name: 'Staff' })).toBeVisible({ timeout: 15_000 });
    await expect(loading).toHaveText('');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('429 with Retry-After: the read is tried again no sooner than the server asked', async ({ page }) => {
    let refused = false;
    await page.route(isContactsList, async (route) => {
      if (refused || route.request().method() !== 'GET') return route.continue();
      refused = true;
      await pauseClock(page);
      return route.fulfill({ status: 429, headers: { 'retry-after': '3' }, contentType: 'application/json', body: errorBody('TooManyRequests', 'Slow down.') });
    });
    const sent = countRequests(page, (request) => isContactsList(new URL(request.url())));
    await page.clock.install();
    await page.goto('/contacts');
    await expect.poll(() => refused).toBe(true);
    expect(await runClockUntil(page, () => sent.count === 2)).toBeGreaterThanOrEqual(3_000);
    await page.clock.resume();
    await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('The contacts could not be loaded.')).toHaveCount(0);
  });

  test('503: reads back off (1 s, then 3 s) and get through; when every try fails the page says so and offers another', async ({ page }) => {
    let failures = 2;
    await page.route(isContactsList, async (route) => {
      if (failures <= 0) return route.continue();
      if (failures === 2) await pauseClock(page);
      failures -= 1;
      return route.fulfill({ status: 503, contentType: 'application/json', body: errorBody('ServiceUnavailable', 'Down for maintenance.') });
    });
    const sent = countRequests(page, (request) => isContactsList(new URL(request.url())));
    await page.clock.install();
    await page.goto('/contacts');
    await expect.poll(() => failures).toBe(1);
    expect(await runClockUntil(page, () => sent.count === 2)).toBeGreaterThanOrEqual(1_000);
    await expect.poll(() => failures).toBe(0);
    const second = await runClockUntil(page, () => sent.count === 3);
    expect(second).toBeGreaterThanOrEqual(3_000);
    expect(sent.count).toBe(3);
    await page.clock.resume();
    await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });

    // Now it stays down: three tries, then the reason and a way to try again.
    failures = Number.POSITIVE_INFINITY;
    await page.getByLabel('Search contacts').fill('Nobody-by-this-name');
    const alert = page.getByRole('alert').filter({ hasText: 'The contacts could not be loaded.' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText('Down for maintenance.');
    failures = 0;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByText('No contact matches “Nobody-by-this-name”.')).toBeVisible();
  });

  test('a failed write is not sent again by itself; the form says why and keeps what was typed', async ({ page }) => {
    let posts = 0;
    let fail = true;
    await page.route(isContactsList, async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      if (!fail) return route.continue();
      return route.fulfill({ status: 503, contentType: 'application/json', body: errorBody('ServiceUnavailable', 'The API is down for maintenance.') });
    });
    await page.clock.install();
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Grace');
    await dialog.getByLabel('Last name').fill('Hopper');
    await dialog.getByLabel('Primary phone').fill('(605) 310-0199');
    await dialog.getByLabel('Notes').fill('Compiler pioneer');
    await dialog.getByRole('button', { name: 'Create contact' }).click();

    await expect(dialog.getByRole('alert')).toHaveText('The API is down for maintenance.');
    // Longer than any backoff of the reads: a write tried again by itself would have gone by now.
    await page.clock.runFor(10_000);
    expect(posts).toBe(1);
    await expect(dialog.getByLabel('First name')).toHaveValue('Grace');
    await expect(dialog.getByLabel('Notes')).toHaveValue('Compiler pioneer');

    fail = false;
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Contact created.' })).toBeVisible();
    expect(posts).toBe(2);
  });

  test('the server unreachable: a banner says so, a write fails once with the reason, and all of it clears by itself', async ({ page }) => {
    await page.goto('/lists');
    await expect(page.getByRole('link', { name: 'Staff' })).toBeVisible();
    await page.getByRole('button', { name: 'New list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New list' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Chess club');

    let posts = 0;
    await page.route('**/api/**', (route) => {
      if (route.request().method() === 'POST') posts += 1;
      return route.abort('internetdisconnected');
    });
    await dialog.getByRole('button', { name: 'Create list' }).click();
    // The open dialog hides the page from assistive technology (the dialog says why itself), so: by its text.
    const banner = page.getByText('The Callboard server cannot be reached.');
    await expect(banner).toBeVisible();
    await expect(page.getByText('Cannot reach the server. Check your connection.').first()).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue('Chess club');
    expect(posts).toBe(1);

    await page.unroute('**/api/**');
    await expect(banner).toBeHidden({ timeout: 15_000 });
    await expect(page.getByText('Connected again.')).toBeVisible();
    expect(posts).toBe(1);
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'Chess club' })).toBeVisible();
  });

  test('offline and back: the banner follows the browser', async ({ page, context }) => {
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await context.setOffline(true);
    await expect(page.getByRole('alert').filter({ hasText: 'You are offline.' })).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole('status').filter({ hasText: 'Connected again.' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'You are offline.' })).toBeHidden();
  });
});
