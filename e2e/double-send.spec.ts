import { DEMO_MASTER, expect, logIn, test } from './fixtures.ts';
import { compose, send } from './support/wizard.ts';

const DEMO_STAFF = { userName: 'leia@cea', pinCode: 'alderaan-1977' } as const;
const noLookAlike = 'No similar broadcast went to these people in the last 24 hours.';

/*
 * The double-send guard (docs/decisions/0188-double-send-guard.md), through our server and the sandbox: also run by
 * the documented-only project, since it needs only documented routes.
 */
test.describe('Double-send guard', () => {
  test('names a similar broadcast sent to the same list, and sends only after "Send it anyway"', async ({ page, browser, baseURL }) => {
    // Someone else on the account sends first.
    const staff = await browser.newContext({ baseURL });
    const staffPage = await staff.newPage();
    await logIn(staffPage, DEMO_STAFF);
    await compose(staffPage, {
      name: 'Field day moved to Friday',
      channel: 'Text message',
      lists: ['Substitute Teachers'],
      text: 'Field day moves to Friday because of rain. Bring a water bottle.',
    });
    await expect(staffPage.getByRole('status').filter({ hasText: noLookAlike })).toBeVisible();
    const first = await send(staffPage);
    await staff.close();

    await logIn(page, DEMO_MASTER);
    await compose(page, {
      name: 'Field day moved to Friday!',
      channel: 'Text message',
      lists: ['Substitute Teachers'],
      text: 'Field day moves to Friday because of the rain. Bring a water bottle.',
    });
    const warning = page.getByRole('status', { name: 'This may repeat a broadcast that already went out' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: '“Field day moved to Friday”' })).toHaveAttribute('href', `/broadcasts/${first}`);
    await expect(warning).toContainText('sent by Leia Organa');
    // When: relative, and the time itself.
    await expect(warning).toContainText(/(just now|minutes? ago) \([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\)/);
    // The sandbox skips numbers it cannot text (opt-outs, landlines): all or nearly all of them.
    await expect(warning).toContainText(/A similar name and message; it reached (all \d+|\d+ of the \d+) numbers this one reaches/);

    const sendButton = page.getByRole('button', { name: 'Send broadcast' });
    await expect(sendButton).toBeDisabled();
    await warning.getByRole('checkbox', { name: 'Send it anyway: this is not a repeat' }).check();
    await expect(sendButton).toBeEnabled();
    const second = await send(page);
    expect(second).not.toBe(first);
  });

  test('says nothing of a different message to another list', async ({ page }) => {
    await logIn(page, DEMO_MASTER);
    await compose(page, {
      name: 'Library books due',
      channel: 'Text message',
      lists: ['Band Parents'],
      text: 'Library books are due back on Monday.',
    });
    await expect(page.getByRole('status').filter({ hasText: noLookAlike })).toBeVisible();
    await expect(page.getByRole('status', { name: /This may repeat/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Send broadcast' })).toBeEnabled();
  });
});
