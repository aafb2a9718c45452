import type { Page } from '@playwright/test';
import { z } from 'zod';
import { apiJson } from './api.ts';
import { DEMO_LIMITED, expect, logIn, test } from './fixtures.ts';
import { setUndoWindow } from './support/sending-settings.ts';
import { compose, send } from './support/wizard.ts';

/**
 * The undo window after Send (decisions 0184–0186): a broadcast sent now is created to start a minute or so later,
 * the report counts down with Undo, and Undo cancels it and brings the draft back. Every other spec runs with the
 * window off (each worker turns it off on its server, e2e/fixtures.ts); this one turns it on and off again.
 */

const broadcastAnswer = z.object({
  BroadcastStatus: z.string(),
  CallBroadcastID: z.number().optional(),
  TextBroadcastID: z.number().optional(),
});
const statusOf = async (page: Page, id: number) => (await apiJson(page, 'GET', `/v1/broadcasts/${id}`, broadcastAnswer)).BroadcastStatus;
const undoRegion = (page: Page) => page.getByRole('region', { name: 'Undo sending' });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

test.describe('the undo window after Send', () => {
  test.beforeEach(async ({ page, serverURL }) => {
    await setUndoWindow(serverURL, 60);
    await logIn(page);
  });
  test.afterAll(async ({ serverURL }) => {
    await setUndoWindow(serverURL, 0);
  });

  test('Send counts down on the report; Undo cancels it and brings the draft back as it was; sending again is a new send', async ({ page }) => {
    const text = 'Practice moves to 5 PM today.';
    await compose(page, { name: 'Undo window: practice', channel: 'Text message', pasted: '2145550143\n9725551212', text });
    await expect(page.getByText('After you send, you have at least 1 minute to undo it before anything goes out.')).toBeVisible();

    const id = await send(page);
    await expect(undoRegion(page)).toBeVisible();
    await expect(undoRegion(page).getByRole('timer')).toHaveText(/^[01]:\d\d$/);
    await expect(undoRegion(page)).toContainText('Nothing has gone out yet.');
    expect(await statusOf(page, id)).toBe('AuthorizationApproved');

    await undoRegion(page).getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Sending “Undo window: practice” was undone. Nothing was sent; your draft is back as it was.')).toBeVisible();
    await expect(page).toHaveURL(/[?&]step=review$/);
    await expect(heading(page, 'Review & send')).toBeVisible();
    expect(await statusOf(page, id)).toBe('Canceled');

    // Every step holds what was sent.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue(text);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143\n9725551212');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('Undo window: practice');

    // Sent again, it is a broadcast of its own (the canceled send's answer is not replayed), held again.
    for (const step of ['Recipients', 'Message', 'Schedule & delivery', 'Review & send']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(heading(page, step)).toBeVisible();
    }
    const again = await send(page);
    expect(again).not.toBe(id);
    await expect(undoRegion(page)).toBeVisible();
    await undoRegion(page).getByRole('button', { name: 'Undo' }).click();
    await expect(page).toHaveURL(/[?&]step=review$/);
    expect(await statusOf(page, again)).toBe('Canceled');
  });

  test('a combo is undone whole: both its call and its text are canceled', async ({ page }) => {
    await compose(page, {
      name: 'Undo window: combo',
      channel: 'Call and text',
      pasted: '2145550143',
      speech: 'School closes at noon today.',
      text: 'School closes at noon today.',
    });
    const id = await send(page);
    const created = await apiJson(page, 'GET', `/v1/broadcasts/${id}`, broadcastAnswer);
    const halves = [created.CallBroadcastID, created.TextBroadcastID].filter((half): half is number => !!half);
    expect(halves).toHaveLength(2);
    await undoRegion(page).getByRole('button', { name: 'Undo' }).click();
    await expect(page).toHaveURL(/[?&]step=review$/);
    for (const half of halves) expect(await statusOf(page, half)).toBe('Canceled');
  });

  test('once the window passes the broadcast runs, and Undo is gone', async ({ page }) => {
    await compose(page, { name: 'Undo window: goes out', channel: 'Text message', pasted: '2145550143', text: 'Library books are due Friday.' });
    const id = await send(page);
    await expect(undoRegion(page)).toBeVisible();

    // The sandbox's clock moves instead of the test waiting a minute.
    await page.getByRole('button', { name: 'Sandbox' }).click();
    await page.getByRole('menu', { name: 'Sandbox clock' }).getByRole('menuitem', { name: 'Move forward 15 minutes' }).click();
    await expect(undoRegion(page)).toHaveCount(0);
    await expect.poll(() => statusOf(page, id)).not.toBe('AuthorizationApproved');
    expect(['InProgress', 'Complete']).toContain(await statusOf(page, id));
    // A reload does not bring Undo back: the hold is over.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Undo window: goes out' })).toBeVisible();
    await expect(undoRegion(page)).toHaveCount(0);
  });

  test('a broadcast scheduled for later is not held', async ({ page }) => {
    await compose(page, { name: 'Undo window: later', channel: 'Text message', pasted: '2145550143', text: 'Picture day is next week.' });
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByLabel('Schedule for later').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page, 'Review & send')).toBeVisible();
    await expect(page.getByText(/to undo it before anything goes out/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Schedule broadcast' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Undo window: later' })).toBeVisible();
    await expect(undoRegion(page)).toHaveCount(0);
  });
});

test.describe("the account's sending settings", () => {
  test.afterAll(async ({ serverURL }) => {
    await setUndoWindow(serverURL, 0);
  });

  test('a master user changes them on the account page; they are checked, and kept', async ({ page }) => {
    await logIn(page);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Sending' });
    await expect(section.getByRole('group', { name: 'Earliest' })).toBeVisible();
    const undoField = section.getByLabel('Time to undo');
    await undoField.fill('601');
    await section.getByRole('button', { name: 'Save sending settings' }).click();
    await expect(section.getByText('At most 600 seconds')).toBeVisible();
    await undoField.fill('90');
    await section.getByRole('button', { name: 'Save sending settings' }).click();
    await expect(page.getByText('The sending settings are saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: 'Sending' }).getByLabel('Time to undo')).toHaveValue('90');
  });

  test('a user who is not a master user reads them, and cannot change them', async ({ page }) => {
    await logIn(page, DEMO_LIMITED);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Sending' });
    await expect(section.getByLabel('Time to undo')).toBeDisabled();
    await expect(section.getByText('Only a master user can change these.')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Save sending settings' })).toHaveCount(0);
  });
});
