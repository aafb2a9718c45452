import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_MASTER = { userName: 'apitest@cea', pinCode: 'notmypwd123!!!' } as const;
export const DEMO_LIMITED = { userName: 'han@cea', pinCode: 'kessel-run-12' } as const;

export async function logIn(page: Page, user: { userName: string; pinCode: string } = DEMO_MASTER) {
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.userName);
  await page.getByLabel('PIN code', { exact: true }).fill(user.pinCode);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
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
