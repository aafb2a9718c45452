import { test as base, expect, type Cookie, type Page } from '@playwright/test';

export const DEMO_MASTER = { userName: 'apitest@cea', pinCode: 'notmypwd123!!!' } as const;
export const DEMO_LIMITED = { userName: 'han@cea', pinCode: 'kessel-run-12' } as const;

/** Each user's signed-in cookies on each server, kept by this worker: a user logs in through the page once a run. */
const signedIn = new Map<string, Cookie[]>();

/**
 * Signs `user` in: with the cookies of their earlier sign-in on this server when that session still stands, else
 * through the login page (as the tests of logging in itself do, without this helper).
 */
export async function logIn(page: Page, user: { userName: string; pinCode: string } = DEMO_MASTER) {
  const key = `${base.info().project.use.baseURL}|${user.userName}`;
  const navigation = page.getByRole('navigation', { name: 'Main' });
  const saved = signedIn.get(key);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto('/');
    await expect(navigation.or(page.getByLabel('User name'))).toBeVisible();
    if (await navigation.isVisible()) return;
    // That session has ended (logged out everywhere, or timed out): sign in afresh.
    signedIn.delete(key);
  }
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.userName);
  await page.getByLabel('PIN code', { exact: true }).fill(user.pinCode);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(navigation).toBeVisible();
  signedIn.set(key, await page.context().cookies());
}

/** Fails the test on any Content-Security-Policy violation or uncaught page error. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
      });
      await use(errors);
      expect(errors, 'page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
