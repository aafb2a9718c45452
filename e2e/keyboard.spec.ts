import type { Locator, Page } from '@playwright/test';
import { createContact } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

/**
 * The wizard, the contacts grid and the inbox with the keyboard alone: every step below is a key press (or typing),
 * never a click; wherever the keyboard lands, the focus can be seen; and what happens is announced.
 */

declare const document: { activeElement: FocusedElement | null };
declare function getComputedStyle(element: FocusedElement): { outlineStyle: string; outlineWidth: string; opacity: string; borderColor: string };
interface FocusedElement {
  tagName: string;
  matches(selector: string): boolean;
  closest(selector: string): FocusedElement | null;
}

/** The focused element shows it: its own outline, or that of the MUI control it is part of (a field, a switch). */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement!;
    const ringOf = (target: FocusedElement) => {
      const style = getComputedStyle(target);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && style.opacity !== '0';
    };
    const control = element.closest('.Mui-focusVisible, .Mui-focused, .MuiDataGrid-cell, .MuiDataGrid-columnHeader');
    return {
      tag: element.tagName,
      keyboard: element.matches(':focus-visible'),
      // Text fields show focus by their border (MUI marks them Mui-focused); the rest by an outline.
      visible: ringOf(element) || (control !== null && (control.matches('.Mui-focused') || ringOf(control))),
    };
  });
  expect(focus, `focus on ${focus.tag}`).toMatchObject({ keyboard: true, visible: true });
}

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { limit = 40, backwards = false } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe('with the keyboard alone', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('the wizard composes and sends a text broadcast', async ({ page }) => {
    await page.goto('/broadcasts/new');
    await tabTo(page, page.getByLabel('Broadcast name'));
    await page.keyboard.type('Keyboard-only reminder');
    await tabTo(page, page.getByRole('radio', { name: 'Phone call' }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Text message' })).toBeChecked();
    await expectVisibleFocus(page);
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeFocused();
    await tabTo(page, page.getByRole('combobox', { name: 'Lists' }));
    await page.keyboard.type('Staff');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: /^Staff/ })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Message' })).toBeVisible();
    await tabTo(page, page.getByLabel('Text', { exact: true }));
    await page.keyboard.type('Staff meeting moved to 3 PM in the library.');
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
    const windowSwitch = page.getByLabel('Only call and text inside my calling window');
    if (await windowSwitch.isVisible()) {
      await tabTo(page, windowSwitch);
      await page.keyboard.press('Space');
      await expect(windowSwitch).not.toBeChecked();
    }
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Send broadcast' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Keyboard-only reminder' })).toBeVisible();
    // The report announces where the broadcast stands, and its progress as it goes.
    await expect(page.getByRole('status', { name: 'Broadcast status' })).toBeVisible();
    // A scheduled broadcast's page checks every 30 s; a reload shows it started at once.
    await page.reload();
    await expect(page.getByRole('status', { name: 'Broadcast status' })).toContainText(/In progress|Complete/);
    await expect(page.getByRole('status', { name: 'Broadcast progress' })).toContainText(/\d+% done|All done/);
  });

  test('the contacts grid: search, sort, select a row and open a contact', async ({ page }) => {
    await createContact(page, { FirstName: 'Kay', LastName: 'Keyboardson', PrimaryPhone: '6053400001' });
    await createContact(page, { FirstName: 'Kim', LastName: 'Keyboardson', PrimaryPhone: '6053400002' });
    await page.goto('/contacts');
    await tabTo(page, page.getByRole('searchbox', { name: 'Search contacts' }));
    await page.keyboard.type('Keyboardson');
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await expect(grid.getByRole('row')).toHaveCount(3);

    // Into the grid: the header's checkbox first, then the arrow keys move cell by cell.
    await tabTo(page, grid.getByRole('checkbox', { name: 'Select all rows' }));
    await page.keyboard.press('ArrowRight');
    await expect(grid.getByRole('columnheader', { name: 'Name' })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(page.getByRole('status').filter({ hasText: '1 contact selected' })).toBeVisible();

    await tabTo(page, grid.getByRole('link', { name: 'Kay Keyboardson' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Kay Keyboardson' })).toBeVisible();
  });

  test('the inbox: move between conversations, reply, mark done and undo, with announcements', async ({ page }) => {
    await page.goto('/conversations');
    await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('link').first()).toBeVisible();
    const announcements = page.getByRole('status', { name: 'Inbox announcements' });

    /** Presses a key and waits for the thread it opens (named first in the announcement) to be on screen. */
    const step = async (key: string, position: number) => {
      await page.keyboard.press(key);
      await expect(announcements).toContainText(new RegExp(`, ${position} of \\d+`));
      const name = (await announcements.textContent())!.split(',')[0]!;
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
      return name;
    };
    const first = await step('j', 1);
    await expect(page).toHaveURL(/\/conversations\/\d+/);
    const second = await step('j', 2);
    expect(second).not.toBe(first);
    let title = await step('k', 1);
    expect(title).toBe(first);

    // The simulator's replies can opt a sender out (a STOP), and nothing can be sent to them: go on to a thread that
    // takes a reply.
    const optedOut = announcements.filter({ hasText: 'nothing can be sent' });
    let reply = page.getByRole('textbox', { name: `Reply to ${title}` });
    for (let position = 2; ; position += 1) {
      await page.keyboard.press('r');
      await expect(reply.or(optedOut)).toBeVisible();
      if (await reply.isVisible()) break;
      expect(position, 'a thread that takes a reply').toBeLessThan(10);
      title = await step('j', position);
      reply = page.getByRole('textbox', { name: `Reply to ${title}` });
    }
    await expect(reply).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.type('Thanks, noted.');
    await tabTo(page, page.getByRole('button', { name: 'Send', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('log', { name: `Texts with ${title}` })).toContainText('Thanks, noted.');

    // Out of the reply box, single keys are the inbox's again.
    await tabTo(page, page.getByRole('button', { name: 'Mark done' }), { backwards: true });
    await page.keyboard.press('e');
    await expect(announcements).toContainText(`Marked done: ${title}. Press U to undo.`);
    // Saved (the notification offers Undo too); U undoes it from the keyboard.
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    await page.keyboard.press('u');
    await expect(announcements).toContainText(`${title} needs a reply again.`);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});
