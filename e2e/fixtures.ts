import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Cookie, type Page } from '@playwright/test';
import { DEMO_MASTER } from './support/demo-users.ts';
import { startBuiltServer } from './support/server-process.ts';
import { setUndoWindow } from './support/sending-settings.ts';

export { DEMO_LIMITED, DEMO_MASTER } from './support/demo-users.ts';

/** Each user's signed-in cookies on this worker's server, by project: a user logs in through the page once a run. */
const signedIn = new Map<string, Cookie[]>();

/**
 * Signs `user` in: with the cookies of their earlier sign-in on this server when that session still stands, else
 * through the login page (as the tests of logging in itself do, without this helper).
 */
export async function logIn(page: Page, user: { userName: string; pinCode: string } = DEMO_MASTER) {
  const key = `${base.info().project.name}|${user.userName}`;
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

export const test = base.extend<{ pageErrors: string[] }, { serverURL: string }>({
  /**
   * The server this worker's tests use: the project's (documented-only, real-shape), or, for a project that names
   * none, a server of the worker's own (what `npm start` runs, on a fresh in-memory sandbox with the demo data, its
   * undo window off), so workers run side by side without seeing each other's changes.
   */
  serverURL: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use, workerInfo) => {
      const projectURL = workerInfo.project.use.baseURL;
      if (projectURL) return use(projectURL);
      // Its own DATA_DIR too: the account's sending settings and ended sessions are kept there.
      const dataDir = mkdtempSync(join(tmpdir(), 'callboard-e2e-'));
      const server = await startBuiltServer({ DATA_DIR: dataDir, SANDBOX_DB: ':memory:', SANDBOX_CLOCK_SPEED: '1', LOG_LEVEL: 'warn' });
      try {
        await setUndoWindow(server.url, 0);
        await use(server.url);
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ serverURL }, use) => use(serverURL),
  /** Fails the test on any Content-Security-Policy violation or uncaught page error. */
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
