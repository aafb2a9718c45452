import { z } from 'zod';
import { sandboxClockSchema } from '../src/contract/sandbox-clock.ts';
import { apiJson } from './api.ts';
import { DEMO_LIMITED, DEMO_MASTER, expect, logIn, test } from './fixtures.ts';

test.describe('logging in', () => {
  test('the demo master logs in, sees the shell, stays logged in across a reload, and logs out', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

    await page.getByLabel('User name').fill(DEMO_MASTER.userName);
    await page.getByLabel('PIN code', { exact: true }).fill(DEMO_MASTER.pinCode);
    await page.getByRole('button', { name: 'Log in' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page.getByText('Galaxy Community Schools')).toBeVisible();

    // The page itself says who is signed in: a reload, and a visit after logging out, ask /api/session nothing.
    const sessionRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/session' && request.method() === 'GET') sessionRequests.push(request.url());
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account menu for Luke Skywalker/ })).toBeVisible();

    await page.getByRole('button', { name: /Account menu for Luke Skywalker/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=/);
    expect(sessionRequests).toEqual([]);
  });

  test('a wrong PIN code shows the error and keeps the user name typed', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('User name').fill(DEMO_MASTER.userName);
    await page.getByLabel('PIN code', { exact: true }).fill('not-the-pin');
    await page.getByRole('button', { name: 'Log in' }).click();

    await expect(page.getByRole('alert')).toHaveText('The user name or PIN code is not correct.');
    await expect(page.getByLabel('User name')).toHaveValue(DEMO_MASTER.userName);
    await expect(page.getByLabel('PIN code', { exact: true })).toBeFocused();
  });

  test('empty fields are explained next to each field', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Enter your user name')).toBeVisible();
    await expect(page.getByText('Enter your PIN code')).toBeVisible();
  });

  test('an unknown address inside the app shows the not-found page', async ({ page }) => {
    await logIn(page);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('pages are served with a strict Content-Security-Policy', async ({ page }) => {
    const response = await page.goto('/login');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test('the Sandbox badge shows the sandbox clock and moves it forward', async ({ page }) => {
  await logIn(page);
  const before = sandboxClockSchema.parse(await (await page.request.get('/api/sandbox/clock')).json());
  await page.getByRole('button', { name: 'Sandbox' }).click();
  const menu = page.getByRole('menu', { name: 'Sandbox clock' });
  await expect(page.getByRole('status').filter({ hasText: /\d{4} \d{1,2}:\d{2} (AM|PM) Central Time/ })).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Move forward 1 hour' }).click();
  await expect(page.getByText('The sandbox clock moved forward 1 hour: everything due by then has happened.')).toBeVisible();
  const after = sandboxClockSchema.parse(await (await page.request.get('/api/sandbox/clock')).json());
  expect(Date.parse(after.Now) - Date.parse(before.Now)).toBeGreaterThanOrEqual(60 * 60_000);
});

test('a user who is not a master user sees the sandbox clock but no control to move it', async ({ page }) => {
  await logIn(page, DEMO_LIMITED);
  await page.getByRole('button', { name: 'Sandbox' }).click();
  const menu = page.getByRole('menu', { name: 'Sandbox clock' });
  await expect(menu.getByText('Only a master user can move it forward.')).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /Move forward/ })).toHaveCount(0);
});

test('"Log out everywhere" in My settings ends the session in every browser', async ({ page, browser }) => {
  // A user of its own, so the sessions of other tests' users go on.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await logIn(adminPage);
  const user = { userName: `everywhere-${Date.now()}@cea`, pinCode: 'everywhere-123' };
  await apiJson(adminPage, 'POST', '/v1/account/users', z.object({ UserID: z.number() }), {
    UserName: user.userName,
    PinCode: user.pinCode,
    FirstName: 'Eve',
    LastName: 'Rywhere',
  });
  await admin.close();

  const elsewhere = await browser.newContext();
  const elsewherePage = await elsewhere.newPage();
  await logIn(elsewherePage, user);
  await logIn(page, user);

  await page.getByRole('link', { name: 'My settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log out everywhere?' });
  await dialog.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The other browser's session ended too: its next visit goes to the login page.
  await elsewherePage.goto('/account');
  await expect(elsewherePage).toHaveURL(/\/login\?next=%2Faccount$/);
  await elsewhere.close();
});
