import type { Locator, Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';
import { seriousViolations } from './support/accessibility.ts';
import { send } from './support/wizard.ts';

/** The checks under a text field (docs/decisions/0190–0192). */
const checksIn = (scope: Page | Locator) => scope.getByRole('region', { name: /^Before you send/ });
/** Each finding's first line: what was found. */
const findingTitles = (checks: Locator) => checks.locator(':scope > ul > li > div > p');

/** The new-broadcast wizard, up to its message step, for a text to the Board Members list. */
async function textBroadcastMessageStep(page: Page, name: string) {
  await page.goto('/broadcasts/new');
  await page.getByLabel('Broadcast name').fill(name);
  await page.getByText('Text message', { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Lists' }).click();
  await page.getByRole('option', { name: /^Board Members/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Message' })).toBeVisible();
}

test.describe('checks of a text before sending', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('a broadcast text with a shortened link and capitals: each finding with why and a fix; fixed ones go, and it still sends', async ({ page }) => {
    await textBroadcastMessageStep(page, 'Text checks: order forms');
    const text = page.getByLabel('Text', { exact: true });
    await text.fill('PICTURE DAY IS FRIDAY!!! ORDER FORMS AT BIT.LY/GALAXY-PICS');

    const checks = checksIn(page);
    await expect(checks).toHaveAccessibleName('Before you send: 5 suggestions (none stops you sending)');
    await expect(findingTitles(checks)).toHaveText([
      'Shortened link: BIT.LY/GALAXY-PICS',
      'Mostly capital letters',
      'Repeated punctuation: “!!!”',
      'Who it is from is not in the text',
      'It does not say how to stop these texts',
    ]);
    await expect(checks.getByText(/Carriers often block texts with shortened links/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await checks.getByRole('button', { name: 'Lower-case it' }).click();
    await expect(text).toHaveValue('Picture day is Friday!!! Order forms at BIT.LY/GALAXY-PICS');
    await expect(text).toBeFocused();
    await expect(checks.getByText('Mostly capital letters')).toHaveCount(0);

    await checks.getByRole('button', { name: 'Use one “!”' }).click();
    // The demo account is Galaxy Community Schools.
    await checks.getByRole('button', { name: 'Start with “Galaxy Community Schools:”' }).click();
    await checks.getByRole('button', { name: 'Add “Reply STOP to opt out.”' }).click();
    await expect(text).toHaveValue('Galaxy Community Schools: Picture day is Friday! Order forms at BIT.LY/GALAXY-PICS Reply STOP to opt out.');
    // Only the link is left: a person has to find the full one.
    await expect(checks).toHaveAccessibleName('Before you send: 1 suggestion (none stops you sending)');
    await expect(findingTitles(checks)).toHaveText(['Shortened link: BIT.LY/GALAXY-PICS']);
    await expect(checks.getByRole('button')).toHaveCount(0);

    // Nothing blocks sending.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
    const windowSwitch = page.getByLabel('Only call and text inside my calling window');
    if (await windowSwitch.isVisible()) await windowSwitch.uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
    await send(page);
  });

  test('a new text gets the opt-out notice, so it is not asked for; an inbox reply is checked too', async ({ page }) => {
    await page.getByRole('link', { name: /Conversations/ }).click();
    await page.getByRole('button', { name: 'New text' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text' });
    const message = dialog.getByLabel('Message');
    await message.fill('SCHOOL IS CLOSED TOMORROW FOR SNOW');
    const checks = checksIn(dialog);
    await expect(findingTitles(checks)).toHaveText(['Mostly capital letters', 'Who it is from is not in the text']);
    await checks.getByRole('button', { name: 'Lower-case it' }).click();
    await expect(message).toHaveValue('School is closed tomorrow for snow');
    await expect(findingTitles(checks)).toHaveText(['Who it is from is not in the text']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click();
    const reply = page.getByRole('textbox', { name: /^Reply to / });
    // Short of a whole message, whether this thread has had texts or not: only the wording is checked.
    await reply.fill('See you tonight!!!');
    await expect(findingTitles(checksIn(page))).toHaveText(['Repeated punctuation: “!!!”']);
    await checksIn(page).getByRole('button', { name: 'Use one “!”' }).click();
    await expect(reply).toHaveValue('See you tonight!');
    await expect(checksIn(page)).toHaveCount(0);
    await reply.fill('');
  });
});
