import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { broadcastDetailSchema } from '../src/contract/broadcast-detail.ts';
import { broadcastSchema } from '../src/contract/broadcast.ts';
import { feedSchema } from '../src/contract/feed.ts';
import { advanceClock, apiJson } from './api.ts';
import { expect, logIn, test } from './fixtures.ts';
import { compose, send } from './support/wizard.ts';

/** From the review step back to the message step, with the wizard's own Back button. */
async function backToMessage(page: Page) {
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Message' })).toBeVisible();
}

/** From the message step on to the review step. */
async function onToReview(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Schedule & delivery' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review & send' })).toBeVisible();
}

const unicodeCharacters = (page: Page) => page.getByRole('group', { name: 'Characters that make this a Unicode text' });

test.describe('survey answers keep their labels', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('the report, its results and the CSV say what each key means', async ({ page }) => {
    await compose(page, { name: 'Thursday attendance', survey: true, lists: ['Board Members'], speech: 'Press 1 if you are coming on Thursday, 2 if not.' });
    await backToMessage(page);
    await page.getByLabel('The question (for your report)').fill('Attending Thursday?');
    await page.getByLabel('Means').nth(0).fill('Coming');
    await page.getByLabel('Means').nth(1).fill('Not coming');
    await onToReview(page);
    const broadcastId = await send(page);

    // The sandbox keeps them with the broadcast, as every staff member's browser reads it.
    const created = await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}`, broadcastSchema);
    expect(created.Survey).toEqual({
      Question: 'Attending Thursday?',
      Options: [
        { Key: '1', Label: 'Coming' },
        { Key: '2', Label: 'Not coming' },
      ],
    });

    await advanceClock(page, 120);
    await page.reload();
    const answers = page.getByRole('group', { name: 'Survey answers' });
    await expect(page.getByText('Attending Thursday?')).toBeVisible();
    await expect(answers.getByRole('button', { name: /^Coming \(pressed 1\): \d+$/ })).toBeVisible();
    await expect(answers.getByRole('button', { name: /^Not coming \(pressed 2\): \d+$/ })).toBeVisible();
    await expect(answers.getByText(/Pressed \d/)).toHaveCount(0);

    const details = (await apiJson(page, 'GET', `/v1/broadcasts/${broadcastId}/details?pagesize=1000`, feedSchema(broadcastDetailSchema))).Items;
    const answered = details.filter((detail) => detail.SurveyResult);
    expect(answered.length).toBeGreaterThan(0);
    const label = { '1': 'Coming', '2': 'Not coming' } as Record<string, string>;

    // The results grid, filtered by one answer, names it.
    const key = answered[0]!.SurveyResult!;
    await answers.getByRole('button', { name: new RegExp(`^${label[key]} \\(pressed ${key}\\)`) }).click();
    // The filter is on (the export names it) before the export is asked for.
    await expect(answers.getByRole('button', { name: new RegExp(`^${label[key]} \\(pressed ${key}\\)`), pressed: true })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: `${label[key]} (pressed ${key})` }).first()).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`broadcast-${broadcastId}-${label[key]!.toLowerCase().replace(' ', '-')}-pressed-${key}.csv`);
    const rows = Papa.parse<Record<string, string>>((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBe(answered.filter((detail) => detail.SurveyResult === key).length);
    for (const row of rows) expect([row['Key pressed'], row['Survey answer']]).toEqual([key, label[key]]);

    // A duplicate asks the same question with the same answers.
    await page.getByRole('link', { name: 'Duplicate' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Recipients' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Message' })).toBeVisible();
    await expect(page.getByLabel('The question (for your report)')).toHaveValue('Attending Thursday?');
    await expect(page.getByLabel('Means').nth(0)).toHaveValue('Coming');
    await expect(page.getByLabel('Means').nth(1)).toHaveValue('Not coming');
  });
});

test.describe('a character that makes a text Unicode', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('is highlighted in the wizard and replaced in one click, and the counter follows', async ({ page }) => {
    await compose(page, { name: 'Thursday reminder', channel: 'Text message', lists: ['Board Members'], text: 'Don’t forget — it’s Thursday…' });
    await backToMessage(page);
    const text = page.getByLabel('Text', { exact: true });
    await expect(page.getByText('29 / 1,600 characters · 1 segment · 41 left in this segment')).toBeVisible();
    await expect(page.getByText('Unicode', { exact: true })).toBeVisible();
    await expect(unicodeCharacters(page).locator('mark')).toHaveText(['’', '—', '…']);

    await unicodeCharacters(page).getByRole('button', { name: "Replace ’ with '" }).click();
    await expect(text).toHaveValue("Don't forget — it's Thursday…");
    await expect(text).toBeFocused();
    await unicodeCharacters(page).getByRole('button', { name: 'Replace all 2 with plain characters' }).click();
    await expect(text).toHaveValue("Don't forget - it's Thursday...");
    await expect(unicodeCharacters(page)).toHaveCount(0);
    await expect(page.getByText('GSM-7', { exact: true })).toBeVisible();
    await expect(page.getByText('31 / 1,600 characters · 1 segment · 129 left in this segment')).toBeVisible();

    // What is sent is the plain text.
    await onToReview(page);
    await expect(page.getByLabel('The text this person gets')).toHaveText("Don't forget - it's Thursday...");
  });

  test('is highlighted in an inbox reply and in a new text, and replaced in one click', async ({ page }) => {
    await page.getByRole('link', { name: /Conversations/ }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click();
    const reply = page.getByRole('textbox', { name: /^Reply to / });
    await reply.fill('See you at 6\u00a0PM “in the gym”');
    await expect(unicodeCharacters(page).locator('mark')).toHaveText(['[non-breaking space]', '“', '”']);
    await unicodeCharacters(page).getByRole('button', { name: 'Replace non-breaking space with a space' }).click();
    await expect(reply).toHaveValue('See you at 6 PM “in the gym”');
    await expect(reply).toBeFocused();
    await unicodeCharacters(page).getByRole('button', { name: 'Replace all 2 with plain characters' }).click();
    await expect(reply).toHaveValue('See you at 6 PM "in the gym"');
    await expect(page.getByText('GSM-7', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'New text' }).click();
    const dialog = page.getByRole('dialog', { name: 'New text' });
    await dialog.getByLabel('Message').fill('Pick-up moved to 3:15 👍 don’t be late');
    await expect(dialog.getByRole('group', { name: 'Characters that make this a Unicode text' }).getByText('No plain equivalent')).toBeVisible();
    await dialog.getByRole('button', { name: "Replace ’ with '" }).click();
    await expect(dialog.getByLabel('Message')).toHaveValue("Pick-up moved to 3:15 👍 don't be late");
    // The emoji has no plain equivalent: still Unicode.
    await expect(dialog.getByText('Unicode', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
