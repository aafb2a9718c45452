import type { Locator, Page } from '@playwright/test';
import { DEMO_MASTER, expect, logIn, test } from './fixtures.ts';
import { compose } from './support/wizard.ts';

/*
 * Recipient-local quiet hours (docs/decisions/0180-0183): the recipients by time zone, the zones a start reaches in
 * their quiet hours, and the one-click start that keeps everyone inside the sending hours (8:00 AM to 9:00 PM by
 * default). Also run by the documented-only project: every number comes from the draft or a documented list route.
 */

/** Eastern, Central, Pacific and Hawaii numbers. */
const ACROSS_ZONES = '2125550101, 2145550102, 2135550103, 8085550104';

const zoneRows = (within: Page | Locator) => within.getByRole('list', { name: 'Recipients by time zone' }).first();

/** Goes back from the review to the schedule and picks a start in the user's zone (Central Time: the demo user is in Texas). */
async function scheduleAt(page: Page, typed: string) {
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
  await page.getByLabel('Schedule for later').check();
  await page.getByRole('group', { name: 'Start' }).getByRole('spinbutton', { name: 'Month' }).click();
  await page.keyboard.type(typed);
}

test.describe('Quiet hours', () => {
  test.beforeEach(async ({ page }) => logIn(page, DEMO_MASTER));

  test('flags the zones a start reaches in their quiet hours, moves the start in one click, and schedules it', async ({ page }) => {
    await compose(page, { name: 'Snow day across zones', channel: 'Text message', pasted: ACROSS_ZONES, text: 'School is closed today for snow.' });
    // 7:00 AM in Texas is 5:00 AM in California and 3:00 AM in Hawaii.
    await scheduleAt(page, '122420300700A');
    const panel = page.getByRole('complementary', { name: 'Who it reaches' });
    await expect(zoneRows(panel)).toBeVisible();
    await expect(zoneRows(panel).getByRole('listitem')).toHaveText([
      /Hawaii-Aleutian Standard Time · 1 number.*3:00 AM/,
      /Pacific Time · 1 number.*5:00 AM/,
      /Central Time · 1 number.*7:00 AM/,
      /Eastern Time · 1 number.*8:00 AM/,
    ]);
    await expect(zoneRows(panel).getByRole('listitem').filter({ hasText: 'Quiet hours' })).toHaveCount(3);
    await expect(
      panel.getByRole('status').filter({ hasText: '3 numbers in 3 time zones would be reached outside 8:00 AM and 9:00 PM, their time.' }),
    ).toBeVisible();

    // 8:00 AM in Hawaii is noon in Texas: the earliest start that keeps everyone inside.
    await panel.getByRole('button', { name: 'Start at 12:00 PM Central Time' }).click();
    await expect(page.getByRole('group', { name: 'Start' }).getByRole('spinbutton', { name: 'Hours' })).toHaveText('12');
    await expect(panel.getByText('Everyone is reached between 8:00 AM and 9:00 PM, their time.')).toBeVisible();
    await expect(zoneRows(panel).getByRole('listitem').filter({ hasText: 'Quiet hours' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Tue, Dec 24, 2030 12:00 PM Central Time' })).toBeVisible();
    const review = page.locator('#broadcast-wizard-step');
    await expect(review.getByText('Everyone is reached between 8:00 AM and 9:00 PM, their time.')).toBeVisible();
    await page.getByRole('button', { name: 'The request sent to the API' }).click();
    await expect(page.getByLabel('Create Broadcast request')).toContainText('"StartDate": "12/24/2030 12:00PM"');
    await page.getByRole('button', { name: 'Schedule broadcast' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  });

  test('the review offers the same fix, and a list is placed in zones from its members', async ({ page }) => {
    await compose(page, { name: 'Early list call', channel: 'Text message', lists: ['Board Members'], text: 'Board meeting moved to 7 PM.' });
    await scheduleAt(page, '122420300600A');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();

    const review = page.locator('#broadcast-wizard-step');
    // The demo's numbers are spread over the US: at 6:00 AM in Texas, someone is in their quiet hours.
    await expect(zoneRows(review).getByRole('listitem').first()).toBeVisible();
    await expect(review.getByText(/Reading the lists’ numbers/)).toHaveCount(0);
    await expect(
      zoneRows(review)
        .getByRole('listitem')
        .filter({ hasText: /^Central Time · \d+ numbers?Quiet hours/ }),
    ).toBeVisible();
    const fix = review.getByRole('button', { name: /^Start at \d{1,2}:\d{2} [AP]M Central Time$/ });
    await fix.click();
    await expect(review.getByText('Everyone is reached between 8:00 AM and 9:00 PM, their time.')).toBeVisible();
    await page.getByRole('button', { name: 'Schedule broadcast' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
  });
});

/** A text to these numbers scheduled for 7:00 AM in Texas on Dec 24, 2030, split at the review: each zone at 8:00 AM. */
async function splitAtEight(page: Page, name: string, pasted: string, text: string) {
  await compose(page, { name, channel: 'Text message', pasted, text });
  await scheduleAt(page, '122420300700A');
  await page.getByRole('button', { name: 'Next' }).click();
  const review = page.locator('#broadcast-wizard-step');
  await review.getByRole('button', { name: 'Send in each zone at 8:00 AM their time' }).click();
  return review;
}

test.describe('Each zone at its local time', () => {
  test.beforeEach(async ({ page }) => logIn(page, DEMO_MASTER));

  test('one click sends one broadcast for each time zone at 8:00 AM their time, and each report shows the group', async ({ page }) => {
    // 7:00 AM in Texas is 3:00 AM in Hawaii.
    const review = await splitAtEight(page, 'Field trip forms by zone', '2125550111, 2145550112, 2135550113, 8085550114', 'Field trip forms are due Friday.');
    await expect(
      review.getByRole('status').filter({ hasText: 'Sent as one broadcast for each time zone, each starting at 8:00 AM their time on Tue, Dec 24.' }),
    ).toBeVisible();
    await expect(zoneRows(review).getByRole('listitem').filter({ hasText: 'Quiet hours' })).toHaveCount(0);
    await expect(zoneRows(review).getByRole('listitem').filter({ hasText: 'Hawaii-Aleutian Standard Time' })).toContainText('8:00 AM');
    await expect(page.getByRole('definition').filter({ hasText: 'One broadcast for each time zone, each at 8:00 AM their time' })).toBeVisible();
    // No one finish time: each part starts at its own (the documented-only API previews nothing, so no time at all).
    if (test.info().project.name !== 'documented-only') {
      await expect(page.getByRole('complementary', { name: 'Who it reaches' })).toContainText('Each time zone’s part takes at most about');
    }
    await expect(page.getByRole('complementary', { name: 'Who it reaches' })).not.toContainText('done around');

    await page.getByRole('button', { name: 'Schedule one for each zone' }).click();
    await expect(page).toHaveURL(/\/broadcasts\/\d+$/);
    // The earliest start first: 8:00 AM in New York is 7:00 AM in Texas.
    await expect(page.getByRole('heading', { level: 1, name: 'Field trip forms by zone (Eastern Time)' })).toBeVisible();
    const group = page.getByRole('region', { name: 'Sent in each time zone' });
    await expect(group).toContainText('“Field trip forms by zone” is sent as 4 broadcasts to 4 numbers, each at 8:00 AM its recipients’ time');
    const parts = group.getByRole('list', { name: 'Broadcasts of this group' }).getByRole('listitem');
    await expect(parts).toHaveCount(4);
    await expect(parts.nth(0)).toContainText('Eastern Time');
    await expect(parts.nth(0)).toContainText('Dec 24, 2030, 7:00 AM your time');
    await expect(parts.nth(3)).toContainText('12:00 PM your time');

    // Each part's report shows the same group.
    await group.getByRole('link', { name: 'Hawaii-Aleutian Standard Time' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Field trip forms by zone (Hawaii-Aleutian Standard Time)' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Sent in each time zone' }).getByRole('list', { name: 'Broadcasts of this group' }).getByRole('listitem'),
    ).toHaveCount(4);
    await expect(page.getByText('Hawaii-Aleutian Standard Time', { exact: true }).and(page.locator('[aria-current="page"]'))).toBeVisible();
  });
});

test.describe('Each zone at its local time, where a zone cannot be reached', () => {
  test.beforeEach(async ({ page }) => logIn(page, DEMO_MASTER));

  test('a zone whose only number cannot take texts is left out and named; the others are sent', async ({ page }) => {
    // (212) 555-1111 is a landline in the sandbox: a text cannot reach it.
    await splitAtEight(page, 'Bus pass renewal by zone', '2125551111, 2145550112, 8085550124', 'Bus passes renew Monday.');
    await page.getByRole('button', { name: 'Schedule one for each zone' }).click();
    await expect(
      page.getByText('“Bus pass renewal by zone” is scheduled as 2 broadcasts, one for each time zone. Not sent to Eastern Time: nobody there can receive it.'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Bus pass renewal by zone (Central Time)' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Sent in each time zone' }).getByRole('list', { name: 'Broadcasts of this group' }).getByRole('listitem'),
    ).toHaveCount(2);
  });
});
