import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });
const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

/** A text broadcast to one number, left at the Message step with nothing written. */
async function toMessageStep(page: Page, name: string) {
  await page.getByLabel('Broadcast name').fill(name);
  await page.getByText('Text message', { exact: true }).click();
  await next(page);
  await expect(heading(page, 'Recipients')).toBeFocused();
  await page.getByLabel('Phone numbers').fill('2145550143');
  await next(page);
  await expect(heading(page, 'Message')).toBeVisible();
}

test.describe("the wizard's steps are pages of their own", () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test("the browser's Back and Forward move between steps and keep what was typed; a reload stays on the step", async ({ page }) => {
    await page.goto('/broadcasts');
    await page.getByRole('link', { name: 'New broadcast' }).first().click();
    await expect(heading(page, 'Type & name')).toBeVisible();
    // "New broadcast" opens a new draft at its own address (decision 0193).
    await expect(page).toHaveURL(/\/broadcasts\/drafts\/[^/?]+\?step=type$/);
    await toMessageStep(page, 'Back and forth');
    await expect(page).toHaveURL(/\?step=message$/);
    // Typed, without Next.
    await page.getByLabel('Text', { exact: true }).fill('Half a thought');

    await page.goBack();
    await expect(heading(page, 'Recipients')).toBeVisible();
    await expect(page).toHaveURL(/\?step=recipients$/);
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143');
    await page.getByLabel('Phone numbers').fill('2145550143\n9725551212');
    await page.goBack();
    await expect(heading(page, 'Type & name')).toBeVisible();
    await expect(page.getByLabel('Broadcast name')).toHaveValue('Back and forth');

    await page.goForward();
    await expect(heading(page, 'Recipients')).toBeVisible();
    await expect(page.getByLabel('Phone numbers')).toHaveValue('2145550143\n9725551212');
    await page.goForward();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue('Half a thought');

    await page.reload();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue('Half a thought');

    // The wizard's own Back is the browser's: Forward returns from it too.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(heading(page, 'Recipients')).toBeVisible();
    await page.goForward();
    await expect(heading(page, 'Message')).toBeVisible();

    // Back from the first step leaves the wizard for the page before it.
    await page.goBack();
    await page.goBack();
    await expect(heading(page, 'Type & name')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/broadcasts$/);
  });

  test('a step the draft cannot open yet shows the furthest one it can, losing nothing', async ({ page }) => {
    await page.goto('/broadcasts/new?step=review');
    await expect(heading(page, 'Type & name')).toBeVisible();
    await expect(page).toHaveURL(/\?step=type$/);
    await toMessageStep(page, 'Not yet');

    // The draft's own address (a new broadcast is a new draft, decision 0193).
    await page.goto(page.url().replace(/\?.*$/, '?step=review'));
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page).toHaveURL(/\?step=message$/);
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await next(page);
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();

    // The name emptied on step 1, then Back to the Schedule step: step 1 again, until it is named.
    await page.getByRole('tab', { name: 'Type & name' }).click();
    await page.getByLabel('Broadcast name').fill('');
    await page.goBack();
    await expect(page).toHaveURL(/\?step=type$/);
    await expect(heading(page, 'Type & name')).toBeVisible();
    await page.getByLabel('Broadcast name').fill('Named again');
    await page.goBack();
    await expect(heading(page, 'Message')).toBeVisible();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue('School is closed today.');
  });

  test("a start picked in another time zone is shown in both and sent in the user's", async ({ page }) => {
    await page.goto('/broadcasts/new');
    await toMessageStep(page, 'Across zones');
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await next(page);
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await page.getByLabel('Schedule for later').check();

    // The demo user is in Texas: their own zone comes first.
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await expect(page.getByRole('option').first()).toHaveText('Central Time (your time zone)');
    await page.getByRole('option', { name: 'Pacific Time', exact: true }).click();
    const start = page.getByRole('group', { name: 'Start' });
    await start.getByRole('spinbutton', { name: 'Month' }).click();
    await page.keyboard.type('122420300900A');
    await expect(page.getByText('That is 11:00 AM Central Time in your time zone (TX).')).toBeVisible();
    await next(page);

    await expect(heading(page, 'Review & send')).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: 'Tue, Dec 24, 2030 9:00 AM Pacific Time (11:00 AM Central Time, your time zone)' }),
    ).toBeVisible();
    // The panel's finish time names its zone too, as the review does.
    await expect(page.getByRole('complementary', { name: 'Who it reaches' })).toContainText(/done around Dec 24, 2030, \d{1,2}:\d{2} [AP]M Central Time/);
    await page.getByRole('button', { name: 'The request sent to the API' }).click();
    // The API reads StartDate in the user's zone.
    await expect(page.getByLabel('Create Broadcast request')).toContainText('"StartDate": "12/24/2030 11:00AM"');

    // Another zone keeps the clock as shown: 9:00 AM Eastern is 8:00 AM in Texas.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(heading(page, 'Schedule & delivery')).toBeVisible();
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('option', { name: 'Eastern Time', exact: true }).click();
    await expect(page.getByText('That is 8:00 AM Central Time in your time zone (TX).')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveText('Eastern Time');
    await expect(page.getByText('That is 8:00 AM Central Time in your time zone (TX).')).toBeVisible();
    await next(page);
    await expect(
      page.getByRole('definition').filter({ hasText: 'Tue, Dec 24, 2030 9:00 AM Eastern Time (8:00 AM Central Time, your time zone)' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'The request sent to the API' }).click();
    await expect(page.getByLabel('Create Broadcast request')).toContainText('"StartDate": "12/24/2030 8:00AM"');
  });

  test('on a phone (390 px) every step fits: a one-row stepper, no overlaps, and who it reaches before Next', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/broadcasts/new');

    const checkStep = async (name: string) => {
      await expect(heading(page, name)).toBeVisible();
      const reach = page.getByRole('complementary', { name: 'Who it reaches' });
      const nextButton = page.getByRole('button', { name: /^(Next|Send broadcast|Schedule broadcast)$/ });
      // Measured once the step has settled: its parts load after its heading, and each one moves what is below it.
      await expect(async () => {
        // Nothing is wider than the screen.
        expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
        // The stepper is one row of equal steps: no label wraps into a column of its own.
        const steps = await Promise.all((await page.getByRole('tab').all()).map(async (tab) => (await tab.boundingBox())!));
        expect(steps).toHaveLength(5);
        const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
        expect(spread(steps.map((box) => box.y)), 'steps on one line').toBeLessThanOrEqual(1);
        expect(spread(steps.map((box) => box.height)), 'steps of one height').toBeLessThanOrEqual(1);
        // Who it reaches comes before Next on screen.
        const reachBox = (await reach.boundingBox())!;
        expect(reachBox.y + reachBox.height).toBeLessThanOrEqual((await nextButton.boundingBox())!.y);
      }).toPass({ timeout: 10_000 });
      // And in the reading and tab order.
      await expect(reach.locator('xpath=following::button').filter({ hasText: /^(Next|Send broadcast|Schedule broadcast)$/ })).toHaveCount(1);
    };

    await checkStep('Type & name');
    await page.getByLabel('Broadcast name').fill('Snow day closure for Lincoln Elementary families');
    await page.getByText('Text message', { exact: true }).click();
    await next(page);
    await checkStep('Recipients');
    await page.getByLabel('Phone numbers').fill('2145550143');
    await next(page);
    await checkStep('Message');
    await page.getByLabel('Text', { exact: true }).fill('School is closed today.');
    await next(page);
    await checkStep('Schedule & delivery');
    await page.getByLabel('Schedule for later').check();
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('option', { name: 'Pacific Time', exact: true }).click();
    const start = page.getByRole('group', { name: 'Start' });
    await start.getByRole('spinbutton', { name: 'Month' }).click();
    await page.keyboard.type('122420300900A');
    // The time zone field sits under the start's line in the user's zone, not over it.
    const userTime = (await page.getByText('That is 11:00 AM Central Time in your time zone (TX).').boundingBox())!;
    const zoneLabel = (await page.getByText('Time zone', { exact: true }).first().boundingBox())!;
    expect(zoneLabel.y).toBeGreaterThanOrEqual(userTime.y + userTime.height);
    await checkStep('Schedule & delivery');
    await next(page);
    await checkStep('Review & send');
  });
});
