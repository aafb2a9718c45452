import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';
import { seriousViolations } from './support/accessibility.ts';

// Run in the page (the e2e project has no DOM types).
declare const localStorage: { setItem: (key: string, value: string) => void };

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

/** Starts a new broadcast from the Broadcasts page and leaves it at the Recipients step with numbers typed. */
async function startDraft(page: Page, name: string, channel: 'Phone call' | 'Text message', numbers: string) {
  await page.goto('/broadcasts');
  await page.getByRole('link', { name: 'New broadcast' }).first().click();
  await expect(page).toHaveURL(/\/broadcasts\/drafts\/[^/?]+\?step=type$/);
  await page.getByLabel('Broadcast name').fill(name);
  await page.getByText(channel, { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page, 'Recipients')).toBeFocused();
  await page.getByLabel('Phone numbers').fill(numbers);
}

test.describe('the Drafts tab', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('lists every unsent draft with its details; resume, duplicate, delete with Undo; a sent draft leaves', async ({ page }) => {
    await page.goto('/broadcasts/drafts');
    await expect(page.getByText('Drafts are kept in this browser on this device')).toBeVisible();
    await expect(page.getByText('No drafts', { exact: true })).toBeVisible();

    await startDraft(page, 'Snow day closure', 'Text message', '2145550143\n9725551212');
    // "New broadcast" opens a new draft: the first one stays as it was.
    await startDraft(page, 'Board meeting moved', 'Phone call', '2145550143');

    await page.goto('/broadcasts');
    await page.getByRole('navigation', { name: 'Broadcasts and drafts' }).getByRole('link', { name: 'Drafts (2)' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/drafts$/);
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await expect(drafts.getByRole('listitem')).toHaveCount(2);
    // The latest change first.
    await expect(drafts.getByRole('listitem').first()).toHaveAccessibleName('Board meeting moved');
    const snow = drafts.getByRole('listitem', { name: 'Snow day closure' });
    await expect(snow).toContainText('A text message');
    await expect(snow).toContainText('2 numbers');
    await expect(snow).toContainText('just now');
    await expect(drafts.getByRole('listitem', { name: 'Board meeting moved' })).toContainText('A phone call that plays a message');

    // Resume opens the draft where it was left.
    await snow.getByRole('link', { name: 'Resume “Snow day closure”' }).click();
    await expect(heading(page, 'Recipients')).toBeVisible();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143\n9725551212');
    await page.getByRole('tab', { name: 'Type & name' }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('Snow day closure');

    // Duplicate makes a copy of its own.
    await page.goto('/broadcasts/drafts');
    await snow.getByRole('button', { name: 'Duplicate “Snow day closure”' }).click();
    await expect(page.getByText('“Copy of Snow day closure” was added to your drafts.')).toBeVisible();
    await expect(drafts.getByRole('listitem', { name: 'Copy of Snow day closure' })).toContainText('2 numbers');
    await expect(drafts.getByRole('listitem')).toHaveCount(3);

    // Delete asks first, and Undo puts the draft back.
    const board = drafts.getByRole('listitem', { name: 'Board meeting moved' });
    await board.getByRole('button', { name: 'Delete “Board meeting moved”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
    await expect(dialog).toContainText('“Board meeting moved” is removed from your drafts. Nothing has been sent.');
    await dialog.getByRole('button', { name: 'Delete draft' }).click();
    await expect(board).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(board).toBeVisible();
    await expect(drafts.getByRole('listitem')).toHaveCount(3);

    // The copy is sent: it leaves the list.
    await drafts.getByRole('link', { name: 'Resume “Copy of Snow day closure”' }).click();
    // The copy opens on the step the original was left on.
    await expect(heading(page, 'Type & name')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Recipients')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Text', { exact: true }).fill(`Drafts list check ${Date.now()}: school is closed today.`);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    const windowSwitch = page.getByLabel('Only call and text inside my calling window');
    if (await windowSwitch.isVisible()) await windowSwitch.uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Send broadcast' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    await page.goto('/broadcasts/drafts');
    await expect(drafts.getByRole('listitem')).toHaveCount(2);
    await expect(drafts.getByRole('listitem', { name: 'Copy of Snow day closure' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Drafts (2)' })).toBeVisible();
  });

  test('on a phone (390 px) each draft reads top to bottom with its actions, nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await startDraft(page, 'A rather long broadcast name for the spring concert reminder', 'Text message', '2145550143');
    await page.goto('/broadcasts/drafts');
    const item = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').first();
    await expect(item).toContainText('1 number');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    const resume = (await item.getByRole('link', { name: /^Resume/ }).boundingBox())!;
    const remove = (await item.getByRole('button', { name: /^Delete/ }).boundingBox())!;
    expect(resume.x + resume.width).toBeLessThanOrEqual(390);
    expect(remove.x + remove.width).toBeLessThanOrEqual(390);
  });

  test('the Drafts tab and the two-tab question have no serious accessibility problem, in light and dark', async ({ page, context }) => {
    await page.goto('/broadcasts/drafts');
    expect(await seriousViolations(page)).toEqual([]);
    await startDraft(page, 'Snow day closure', 'Text message', '2145550143');
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.getByLabel('Phone numbers')).toHaveValue('2145550143');
    await page.getByLabel('Phone numbers').fill('9725551212');
    await expect(other.getByRole('alert').filter({ hasText: 'This draft was changed in another tab or window' })).toBeVisible();
    expect(await seriousViolations(other)).toEqual([]);
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`localStorage.setItem('callboard-theme', '${theme}')`);
      await page.goto('/broadcasts/drafts');
      await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test('a draft saved before drafts were listed is moved into the list', async ({ page }) => {
    const session = (await (await page.request.get('/api/session')).json()) as { UserID: number };
    await page.goto('/broadcasts');
    await page.evaluate((userId) => {
      const draft = {
        version: 1,
        idempotencyKey: 'old-single-draft',
        step: 1,
        type: { name: 'Kept from before', channel: 'text', callKind: 'announcement', combo: 'and' },
        recipients: { lists: [], contacts: [], pasted: '2145550143', files: [], excluded: [], primaryOnly: true, carried: null },
        savedAt: Date.now() - 3_600_000,
        sentBroadcastId: null,
      };
      localStorage.setItem(`callboard:broadcast-draft:${userId}`, JSON.stringify(draft));
    }, session.UserID);
    await page.goto('/broadcasts/drafts');
    const kept = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem', { name: 'Kept from before' });
    await expect(kept).toContainText('1 number');
    await expect(kept).toContainText('1 hour ago');
    await kept.getByRole('link', { name: /^Resume/ }).click();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143');
  });
});

test.describe('one draft in two tabs', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('a change made in both is never written over silently: each tab is offered the choice', async ({ page, context }) => {
    await startDraft(page, 'Shared draft', 'Text message', '2145550143');
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(heading(other, 'Recipients')).toBeVisible();
    await expect(other.getByLabel('Phone numbers')).toHaveValue('2145550143');

    // The first tab changes the numbers: the second says so and keeps showing its own version.
    await page.getByLabel('Phone numbers').fill('2145550143\n9725551212');
    const otherNotice = other.getByRole('alert').filter({ hasText: 'This draft was changed in another tab or window' });
    await expect(otherNotice).toBeVisible();
    await expect(other.getByLabel('Phone numbers')).toHaveValue('2145550143');
    // What it types meanwhile is held there, not saved over the first tab's change.
    await other.getByLabel('Phone numbers').fill('2145550143\n4695550199');
    await page.reload();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143\n9725551212');

    // Kept: now the first tab is asked, and takes it.
    await otherNotice.getByRole('button', { name: 'Keep mine' }).click();
    await expect(otherNotice).toHaveCount(0);
    const pageNotice = page.getByRole('alert').filter({ hasText: 'This draft was changed in another tab or window' });
    await pageNotice.getByRole('button', { name: 'Take theirs' }).click();
    await expect(pageNotice).toHaveCount(0);
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143\n4695550199');

    // Keep both: the second tab's version becomes a draft of its own, and it takes the first tab's.
    await page.getByLabel('Phone numbers').fill('2145550143');
    await otherNotice.getByRole('button', { name: 'Keep both (mine as a new draft)' }).click();
    await expect(other.getByLabel('Phone numbers')).toHaveValue('2145550143');
    await other.goto('/broadcasts/drafts');
    const drafts = other.getByRole('list', { name: 'Drafts' });
    await expect(drafts.getByRole('listitem', { name: 'Shared draft', exact: true })).toContainText('1 number');
    await expect(drafts.getByRole('listitem', { name: 'Shared draft (my version)' })).toContainText('2 numbers');
  });
});
