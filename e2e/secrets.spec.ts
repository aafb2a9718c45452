import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO_MASTER, expect, test } from './fixtures.ts';
import { startBuiltServer, type ServerProcess } from './support/server-process.ts';

/**
 * The SecretKey and every AuthToken stay on the server: a server started with known keys is used through the app,
 * and then the built app, every response (headers and bodies), the browser's storage and readable cookies, and the
 * server's own output are searched for them.
 */

/** The browser globals read inside page.evaluate (e2e is compiled without the DOM library). */
declare const localStorage: Record<string, string>;
declare const sessionStorage: Record<string, string>;
declare const document: { cookie: string };

const APP_KEY = 'e2e-app-key-4f1b2c';
const SECRET_KEY = 'e2e-SECRET-key-9d7e3a51';
const SESSION_SECRET = 'e2e-session-secret-0c8b6d2f4a1e9f7b3c5d';

let dir: string;
let server: ServerProcess | undefined;
let baseUrl: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-secrets-'));
  server = await startBuiltServer({
    DATA_DIR: dir,
    SANDBOX_DB: join(dir, 'sandbox.db'),
    CEA_APP_KEY: APP_KEY,
    CEA_SECRET_KEY: SECRET_KEY,
    SESSION_SECRET,
    LOG_LEVEL: 'info',
  });
  baseUrl = server.url;
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sandboxTokens(): string[] {
  const db = new Database(join(dir, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare('SELECT token FROM auth_tokens').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function filesUnder(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => filesUnder(join(path, name))) : [path];
}

test('the SecretKey and AuthTokens never reach the browser, the built app or the logs', async ({ page }) => {
  test.setTimeout(120_000);
  const seen: Array<{ where: string; text: string }> = [];
  page.on('response', async (response) => {
    const where = `${response.request().method()} ${response.url()}`;
    seen.push({ where: `${where} (headers)`, text: (await response.headersArray()).map(({ name, value }) => `${name}: ${value}`).join('\n') });
    try {
      seen.push({ where, text: (await response.body()).toString('latin1') });
    } catch {
      // A redirect or an aborted request has no body.
    }
  });

  // Use the app: log in, visit every area, create and edit, read a report, log out.
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('User name').fill(DEMO_MASTER.userName);
  await page.getByLabel('PIN code', { exact: true }).fill(DEMO_MASTER.pinCode);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  for (const path of [
    '/broadcasts',
    '/broadcasts/39586',
    '/contacts',
    '/lists',
    '/conversations',
    '/opt-outs',
    '/audio',
    '/users',
    '/account',
    '/settings',
    '/broadcasts/new',
  ]) {
    await page.goto(`${baseUrl}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto(`${baseUrl}/contacts`);
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('Secret');
  await dialog.getByLabel('Primary phone').fill('6053200001');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await expect(dialog).toBeHidden();

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === 'callboard_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  const storage = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookies: document.cookie,
  }));
  expect(storage.cookies).not.toContain('callboard_session');

  // Every AuthToken the sandbox issued so far, read before logout ends the session's.
  const tokens = sandboxTokens();
  expect(tokens.length).toBeGreaterThanOrEqual(1);

  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // A copy of the cookie taken before logout opens nothing afterwards.
  const copy = await playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { cookie: `callboard_session=${session!.value}` } });
  expect((await copy.get('/api/session')).status()).toBe(401);
  await copy.dispose();

  // Logout ended the session's AuthToken in the sandbox too (decision 115).
  expect(sandboxTokens()).toEqual([]);
  const secrets = [SECRET_KEY, SESSION_SECRET, ...tokens];
  // Every line the server logged is searched, the ones it still held too.
  await server!.stop();
  const output = server!.output();

  const places = [
    ...seen,
    ...filesUnder('dist').map((file) => ({ where: file, text: readFileSync(file).toString('latin1') })),
    { where: 'localStorage', text: JSON.stringify(storage.local) },
    { where: 'sessionStorage', text: JSON.stringify(storage.session) },
    { where: 'document.cookie', text: storage.cookies },
    { where: 'cookies the browser keeps', text: JSON.stringify(cookies) },
    { where: 'server output', text: output },
  ];
  expect(seen.length).toBeGreaterThan(50);
  // The server logged every request (one JSON line each), and those lines hold no PIN code or session cookie either
  // (the demo PIN codes are in the start-up banner on purpose).
  const requestLines = output.split('\n').filter((line) => line.includes('"msg":"request'));
  expect(requestLines.some((line) => line.includes('"route":"/api/v1/contacts"'))).toBe(true);
  for (const secret of [DEMO_MASTER.pinCode, session!.value]) expect(requestLines.join('\n')).not.toContain(secret);
  const leaks = places.flatMap(({ where, text }) => secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 8)}… in ${where}`));
  expect(leaks).toEqual([]);
});
