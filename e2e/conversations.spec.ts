import type { Page } from '@playwright/test';
import { advanceClock } from './api.ts';
import { expect, logIn, test } from './fixtures.ts';

async function sendNewText(page: Page, text: { phone: string; firstName: string; lastName: string; message: string }) {
  await page.getByRole('button', { name: 'New text' }).click();
  const dialog = page.getByRole('dialog', { name: 'New text' });
  await dialog.getByLabel('To (phone number)').fill(text.phone);
  await dialog.getByLabel('First name').fill(text.firstName);
  await dialog.getByLabel('Last name').fill(text.lastName);
  await dialog.getByLabel('Message').fill(text.message);
  await dialog.getByRole('button', { name: 'Send text' }).click();
  await expect(dialog).toBeHidden();
}

// The sandbox answers texts deterministically (docs/decisions/0031-simulated-texting.md). This text gets
// "What time does it start?" from (469) 555-0134 three minutes after delivery, and "STOP" from (469) 555-0132.
const CONCERT = 'Hi! The spring concert moved to Thursday at 6 PM.';
// Waiting for the inbox's next poll (every 10 s).
const POLL = { timeout: 20_000 };

test.describe('conversations', () => {
  test('a simulated reply appears in the inbox; staff reply to it and mark it done, with undo', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: /Conversations/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible();

    await sendNewText(page, { phone: '(469) 555-0134', firstName: 'Dana', lastName: 'Reyes', message: CONCERT });
    await expect(page.getByRole('heading', { level: 2, name: 'Dana Reyes' })).toBeVisible();
    const thread = page.getByRole('log', { name: 'Texts with Dana Reyes' });
    await expect(thread).toContainText(CONCERT);
    await expect(thread).toContainText('Reply STOP to opt out.');

    await advanceClock(page, 20);
    await expect(thread).toContainText('What time does it start?', POLL);
    await expect(thread).toContainText('Delivered');
    const inbox = page.getByRole('list', { name: 'Conversations' });
    await expect(inbox.getByRole('link', { name: /Dana Reyes/ })).toContainText('What time does it start?');

    const reply = page.getByRole('textbox', { name: 'Reply to Dana Reyes' });
    await reply.fill('It starts at 6 PM in the gym.');
    await expect(page.getByText('29 characters · 1 segment · 131 left in this segment')).toBeVisible();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(thread).toContainText('It starts at 6 PM in the gym.');
    await expect(reply).toHaveValue('');

    await page.getByRole('button', { name: 'Mark done' }).click();
    // It leaves "Needs reply"; Undo brings it back.
    await expect(inbox.getByRole('link', { name: /Dana Reyes/ })).toBeHidden();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(inbox.getByRole('link', { name: /Dana Reyes/ })).toBeVisible();

    // Marking done went on to the next conversation: Dana's is opened again, and marked done once it shows.
    await inbox.getByRole('link', { name: /Dana Reyes/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Dana Reyes' })).toBeVisible();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await expect(inbox.getByRole('link', { name: /Dana Reyes/ })).toBeHidden();
    await page.getByRole('tab', { name: 'Done' }).click();
    await expect(page).toHaveURL(/queue=done/);
    await expect(inbox.getByRole('link', { name: /Dana Reyes/ })).toContainText('Done');
  });

  test('a click on a conversation while the text numbers arrive opens it', async ({ page }) => {
    await logIn(page);
    // Hold the text numbers back until the mouse is down on a row, then let them arrive before it comes up.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/textnumbers*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/conversations');
    const inbox = page.getByRole('list', { name: 'Conversations' });
    const target = inbox.getByRole('link').nth(5);
    const name = (await target.locator('span').first().textContent()) ?? '';
    // Near the row's top edge, where a row that grew above it would push it out from under the pointer.
    await target.hover({ position: { x: 40, y: 6 } });
    await page.mouse.down();
    const arrived = page.waitForResponse('**/api/v1/textnumbers*');
    release();
    const numbers = (await (await arrived).json()) as { Items: Array<{ Name: string }> };
    // The text numbers' names are drawn in the rows before the mouse comes up.
    await expect(inbox).toContainText(numbers.Items[0]!.Name);
    await page.mouse.up();
    await expect(page).toHaveURL(/\/conversations\/\d+/);
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  });

  test('a first text is counted as sent, with the opt-out notice it gets', async ({ page }) => {
    await logIn(page);
    await page.goto('/conversations');
    await page.getByRole('button', { name: 'New text' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text' });
    // 42 characters typed; 66 go out, with "\n\nReply STOP to opt out." after them.
    await dialog.getByLabel('Message').fill('School is closed tomorrow because of snow.');
    await expect(dialog.getByText('66 characters · 1 segment · 94 left in this segment')).toBeVisible();
    await expect(dialog.getByText('Counted as sent to a new number: its first text gets “Reply STOP to opt out.” added.')).toBeVisible();
  });

  test('a STOP reply opts the number out: it shows on the Opt-outs page and it cannot be texted again', async ({ page }) => {
    await logIn(page);
    await page.goto('/conversations');
    await sendNewText(page, { phone: '469-555-0132', firstName: 'Sam', lastName: 'Ortiz', message: CONCERT });
    const thread = page.getByRole('log', { name: 'Texts with Sam Ortiz' });
    await expect(thread).toContainText(CONCERT);

    await advanceClock(page, 20);
    await expect(thread).toContainText('You have been unsubscribed', POLL);
    // A STOP blocks calls as well as texts, and the banner says both.
    await expect(page.getByText(/\(469\) 555-0132 opted out by replying STOP \(or a word like it\): texts and calls are both blocked\./)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Reply to Sam Ortiz' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Opt-outs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opt-outs' })).toBeVisible();
    await page.getByLabel('Search').fill('469-555-0132');
    await expect(page).toHaveURL(/q=469-555-0132/);
    const row = page.getByRole('row', { name: /\(469\) 555-0132/ });
    await expect(row).toContainText('Sam Ortiz');
    await expect(row).toContainText('Replied STOP');
    await expect(row).toContainText('Texts');

    // Only the person can lift a STOP; its call opt-out can be lifted here.
    await row.getByRole('button', { name: 'Opt (469) 555-0132 back in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opt (469) 555-0132 back in?' });
    await expect(dialog).toContainText('only the person can lift it, by texting UNSTOP');
    await expect(dialog.getByRole('button', { name: 'Opt back in to calls' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Texting it again is refused, with the reason next to the number.
    await page.goto('/conversations');
    await page.getByRole('button', { name: 'New text' }).click();
    const newText = page.getByRole('dialog', { name: 'New text' });
    await newText.getByLabel('To (phone number)').fill('4695550132');
    await newText.getByLabel('Message').fill('Are you still there?');
    await newText.getByRole('button', { name: 'Send text' }).click();
    await expect(newText.getByText(/4695550132 opted out of texts on .+ by replying STOP/)).toBeVisible();
    await expect(newText.getByLabel('Message')).toHaveValue('Are you still there?');
  });

  test('the inbox is worked with the keyboard alone, and every step is announced', async ({ page }) => {
    await logIn(page);
    // The transportation line holds only demo conversations (the other tests text from the main line).
    await page.goto('/conversations?number=98616');
    const inbox = page.getByRole('list', { name: 'Conversations' });
    const announcements = page.getByRole('status', { name: 'Inbox announcements' });
    const items = inbox.getByRole('link');
    await expect(items.nth(2)).toBeVisible();

    await page.keyboard.press('j');
    await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
    await expect(announcements).toContainText(/, 1 of \d+/);
    await page.keyboard.press('j');
    await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(announcements).toContainText(/, 2 of \d+/);
    await page.keyboard.press('k');
    await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
    const title = (await page.locator('#thread-title').textContent()) ?? '';
    expect(title).not.toBe('');
    await expect(page).toHaveURL(/\/conversations\/\d+\?number=98616$/);
    const threadUrl = page.url();

    await page.keyboard.press('r');
    const reply = page.getByRole('textbox', { name: `Reply to ${title}` });
    await expect(reply).toBeFocused();
    await expect(announcements).toContainText(`Replying to ${title}`);
    // Letters typed into the reply box are text, not shortcuts.
    await page.keyboard.type('jk on our way');
    await expect(page).toHaveURL(threadUrl);
    await page.keyboard.press('Escape');
    await expect(announcements).toContainText('Left the reply box');

    await page.keyboard.press('e');
    await expect(announcements).toContainText(`Marked done: ${title}`);
    await expect(inbox.getByRole('link', { name: title })).toBeHidden();
    await expect(page).not.toHaveURL(threadUrl);

    await page.keyboard.press('u');
    await expect(announcements).toContainText(`${title} needs a reply again`);
    await expect(inbox.getByRole('link', { name: title })).toBeVisible();

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  });

  test('the inbox opens on one broadcast’s replies from a link, and the filter can be cleared', async ({ page }) => {
    await logIn(page);
    // A broadcast nobody replied to (the report page links here with its own ID).
    await page.goto('/conversations?broadcast=999999');
    await expect(page.getByRole('tab', { name: 'All', selected: true })).toBeVisible();
    await expect(page.getByText('No replies to this broadcast yet.')).toBeVisible();
    // A chip's delete key removes it, as MUI chips do.
    await page.getByRole('button', { name: 'Replies to broadcast 999999' }).focus();
    await page.keyboard.press('Delete');
    await expect(page).toHaveURL(/\/conversations$/);
    await expect(page.getByRole('tab', { name: 'Needs reply', selected: true })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('link').first()).toBeVisible();
  });

  test('the unread count shows in the navigation and the tab title, and opening a thread reads it', async ({ page }) => {
    await logIn(page);
    await page.goto('/conversations?queue=all');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    const badge = navigation.getByLabel(/^\d+ unread$/);
    await expect(badge).toBeVisible();
    const before = Number(/\d+/.exec((await badge.getAttribute('aria-label')) ?? '')?.[0]);
    await expect(page).toHaveTitle(`(${before}) Conversations · Callboard`);

    const unread = page
      .getByRole('list', { name: 'Conversations' })
      .getByRole('link')
      .filter({ has: page.getByLabel(/^\d+ unread$/) });
    await unread.first().click();
    await expect(page).toHaveTitle(`(${before - 1}) Conversations · Callboard`);
    await expect(navigation.getByLabel(`${before - 1} unread`)).toBeVisible();
  });
});
