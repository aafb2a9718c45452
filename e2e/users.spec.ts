import type { Page } from '@playwright/test';
import seedExamples from '../docs/api/seed-examples.json' with { type: 'json' };
import { DEMO_MASTER, expect, logIn, test } from './fixtures.ts';

const NEW_USER = { userName: 'luke.e2e@cea', pinCode: 'notmypwd123!!!' } as const;

const seedBody = (section: string, kind: 'request' | 'response') =>
  seedExamples.find((example) => example.section === section && example.kind === kind)?.body as Record<string, unknown>;

async function switchUser(page: Page, user: { userName: string; pinCode: string }) {
  await page.context().clearCookies();
  await logIn(page, user);
}

/** Types a time into one of MUI's time fields, section by section, as a keyboard user does. */
async function typeTime(page: Page, label: string, keys: string) {
  await page.getByRole('group', { name: label }).getByRole('spinbutton', { name: 'Hours' }).click();
  await page.keyboard.type(keys);
}

const permission = (page: Page, name: string) => page.getByRole('switch', { name: new RegExp(`^${name}`) });

test.describe('users and their permissions', () => {
  test.describe.configure({ mode: 'serial' });
  let newUserId = 0;

  test("the master adds a user with the documentation's example settings and gets the documented reply", async ({ page }) => {
    const request = seedBody('Account / Create User', 'request');
    await logIn(page, DEMO_MASTER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await page.getByRole('link', { name: 'Add user' }).click();

    await page.getByLabel('User name').fill(NEW_USER.userName);
    await page.getByLabel(/^PIN code/).fill(String(request.PinCode));
    await page.getByLabel('First name').fill(String(request.FirstName));
    await page.getByLabel('Last name').fill(String(request.LastName));
    await page.getByLabel('E-mail').fill(String(request.Email));
    await page.getByLabel('Phone').fill(String(request.Phone));
    await page.getByLabel('Caller ID').fill(String(request.CallerID));
    await expect(page.getByText(/Central Time \(America\/Chicago\)/)).toBeVisible();
    await typeTime(page, 'Calls start at', '0700AM');
    await typeTime(page, 'Calls stop at', '0800PM');
    await page.getByRole('switch', { name: /Continue on the next day/ }).check();
    await page.getByLabel('Retries').fill('1');
    await page.getByLabel('Call throttle').fill('10');
    await page.getByLabel('Maximum message length').fill('120');
    for (const name of ['See all broadcasts', 'See all contacts', 'See all audio', 'See shared audio']) {
      await permission(page, name).check();
    }

    const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/account/users') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Add user' }).click();
    const response = await created;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    newUserId = Number(body.UserID);
    expect(body).toEqual({ ...seedBody('Account / Create User', 'response'), UserID: newUserId, UserName: NEW_USER.userName });

    await expect(page.getByRole('status').filter({ hasText: `Added Luke Skywalker. They log in as ${NEW_USER.userName}.` })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Users' }).getByText(NEW_USER.userName)).toBeVisible();
  });

  test('a taken user name is explained next to the field, and what was typed stays', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    await page.goto('/users/new');
    await page.getByLabel('User name').fill('HAN@cea');
    await page.getByLabel(/^PIN code/).fill('short');
    await page.getByLabel('First name').fill('Another Han');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByText('At least 8 characters', { exact: true })).toBeVisible();

    await page.getByLabel(/^PIN code/).fill('kessel-run-99');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByText('The user name HAN@cea is taken. Choose another.')).toBeVisible();
    await expect(page.getByLabel('User name')).toBeFocused();
    await expect(page.getByLabel('First name')).toHaveValue('Another Han');
  });

  test('the new user sees only their own settings and cannot change their own permissions', async ({ page }) => {
    await switchUser(page, NEW_USER);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'My settings' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Users' })).toHaveCount(0);

    await page.goto('/users');
    await expect(page.getByText('Only master users can manage users.')).toBeVisible();
    await expect(page.getByRole('grid')).toHaveCount(0);

    await navigation.getByRole('link', { name: 'My settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My settings' })).toBeVisible();
    await expect(page.getByLabel('User name')).toHaveValue(NEW_USER.userName);
    await expect(page.getByLabel('Caller ID')).toHaveValue('(202) 707-5000');
    await expect(page.getByText('Only a master user can change your permissions.')).toBeVisible();
    for (const name of ['See all broadcasts', 'See all contacts', 'See all audio', 'See shared audio']) {
      await expect(permission(page, name)).toBeDisabled();
      await expect(permission(page, name)).toBeChecked();
    }

    // The server refuses it regardless of the form.
    const forbidden = await page.request.put(`/api/v1/account/users/${newUserId}`, {
      headers: { 'x-requested-with': 'callboard' },
      data: { Permissions: { CanSeeAllAudio: false } },
    });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toMatchObject({ ErrorName: 'PermissionDenied' });
    const otherUser = await page.request.get('/api/v1/account/users/73314');
    expect(otherUser.status()).toBe(403);

    // Their own settings they may change.
    await page.getByLabel('Retries').fill('3');
    await page.getByRole('button', { name: 'Save my settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your settings are saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Retries')).toHaveValue('3');
  });

  test("the master narrows the new user's permissions, and the user then sees only their own audio", async ({ page }) => {
    await switchUser(page, NEW_USER);
    await page.goto('/audio');
    await expect(page.getByRole('grid', { name: 'Audio library' }).getByText('Board meeting notice')).toBeVisible();

    await switchUser(page, DEMO_MASTER);
    await page.goto('/users');
    await page
      .getByRole('link', { name: 'Luke Skywalker' })
      .and(page.locator(`[href="/users/${newUserId}"]`))
      .click();
    await expect(page.getByText(`Logs in as ${NEW_USER.userName}.`)).toBeVisible();
    await permission(page, 'See all audio').uncheck();
    await permission(page, 'See shared audio').uncheck();
    const saved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/account/users/${newUserId}`) && response.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const response = await saved;
    expect(response.request().postDataJSON()).toEqual({
      Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: false, CanSeeGroupAudio: false },
    });
    await expect(page.getByRole('status').filter({ hasText: 'Saved the settings of Luke Skywalker.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: NEW_USER.userName }).getByText('Own audio')).toBeVisible();

    await switchUser(page, NEW_USER);
    await page.goto('/audio');
    await expect(page.getByText('No audio yet')).toBeVisible();
  });
});

test('a link to a user that does not exist says so', async ({ page }) => {
  await logIn(page, DEMO_MASTER);
  for (const id of ['999999', 'not-a-number']) {
    await page.goto(`/users/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'User not found' })).toBeVisible();
    await expect(page.getByText('There is no such user.')).toBeVisible();
  }
});
