import type { Page } from '@playwright/test';
import { z } from 'zod';
import { advanceClock, apiJson } from './api.ts';
import { createContact } from './contacts-api.ts';
import { expect, logIn, test } from './fixtures.ts';

/**
 * What people type is shown as text, never run as HTML: names, notes, messages and broadcast names full of markup
 * stay visible as typed on the contacts page, a contact's page, the inbox and a broadcast's report. Were any of it
 * rendered, the image would be in the page and its handler would set a flag (or trip the CSP, which fails the test).
 */

const FIRST = '<script>window.__xss=1</script>';
const LAST = '<img src=x onerror="window.__xss=2">';
const NOTES = '<b>bold</b><svg onload=window.__xss=3>';
const MESSAGE = 'Hi <img src=x onerror=window.__xss=4> & <a href="javascript:alert(1)">click</a>';
const BROADCAST = '<h1>Broadcast</h1><img src=x onerror=window.__xss=5>';
const PHONE = '6053300001';

declare const window: { __xss?: number };
declare const document: { querySelectorAll(selector: string): { length: number } };

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  // The page's own inline scripts carry its nonce; anything drawn from what people typed could not.
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], script:not([src]):not([nonce])').length)).toBe(0);
}

test.describe('text that looks like HTML', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('stays text on the contacts page, a contact page, the inbox and a broadcast report', async ({ page }) => {
    const contact = await createContact(page, { FirstName: FIRST, LastName: LAST, PrimaryPhone: PHONE, Notes: NOTES, Lists: [{ ListID: 36 }] });

    await page.goto(`/contacts?q=${PHONE}`);
    const row = page.getByRole('grid', { name: 'Contacts' }).getByRole('row').filter({ hasText: '(605) 330-0001' });
    await expect(row).toContainText(`${FIRST} ${LAST}`);
    await expect(row).toContainText(NOTES);
    await expectNothingRan(page);

    await page.goto(`/contacts/${contact.PersonID}`);
    await expect(page.getByRole('heading', { level: 1, name: `${FIRST} ${LAST}` })).toBeVisible();
    await expect(page.getByText(NOTES)).toBeVisible();
    await expectNothingRan(page);

    // A text to them opens a conversation; a reply typed in the app is markup too.
    await apiJson(page, 'POST', '/v1/conversations', z.unknown(), {
      TextNumberID: 98615,
      LastMessage: { Message: MESSAGE, Contact: { PrimaryPhone: PHONE } },
    });
    await page.goto('/conversations?queue=all');
    const inbox = page.getByRole('list', { name: 'Conversations' });
    const item = inbox.getByRole('link').filter({ hasText: FIRST });
    await expect(item).toContainText(MESSAGE);
    await item.click();
    const thread = page.getByRole('log', { name: `Texts with ${FIRST} ${LAST}` });
    await expect(thread).toContainText(MESSAGE);
    await page.getByRole('textbox', { name: `Reply to ${FIRST} ${LAST}` }).fill('<iframe src="javascript:alert(2)"></iframe>');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(thread).toContainText('<iframe src="javascript:alert(2)"></iframe>');
    await expectNothingRan(page);

    const broadcast = await apiJson(page, 'POST', '/v1/broadcasts', z.object({ BroadcastID: z.number() }), {
      BroadcastName: BROADCAST,
      BroadcastType: 'SMS',
      TextMessage: MESSAGE,
      Contacts: [{ PrimaryPhone: PHONE, FirstName: FIRST, LastName: LAST, Notes: NOTES }],
      CheckCallingWindow: false,
    });
    await advanceClock(page, 10);
    await page.goto(`/broadcasts/${broadcast.BroadcastID}`);
    await expect(page.getByRole('heading', { level: 1, name: BROADCAST })).toBeVisible();
    const results = page.getByRole('grid', { name: 'Results by number' });
    await expect(results.getByRole('row').filter({ hasText: '(605) 330-0001' })).toContainText(FIRST);
    await expectNothingRan(page);

    await page.goto('/broadcasts');
    await expect(page.getByRole('table', { name: 'Broadcasts' }).getByRole('link', { name: BROADCAST })).toBeVisible();
    await expectNothingRan(page);
  });
});
