import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_LIMITED, expect, logIn, test } from './fixtures.ts';

const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** Opens a broadcast's report from the list, by name (and, for a combo, which half). */
async function openReport(page: Page, name: string, half?: 'Calls' | 'Texts') {
  await page.goto(`/broadcasts?q=${encodeURIComponent(name)}`);
  const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  const row = half ? rows.filter({ hasText: `${half} of a combined broadcast` }) : rows;
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const figure = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}\\b`) });
const legendEntry = (page: Page, label: string) =>
  page.getByRole('list', { name: 'Results' }).getByRole('button', { name: new RegExp(`^${label.replace('/', '\\/')}:`) });
/** A legend entry's count, from its name ("Live answer: 1,200 (68.2%)"). */
const legendCount = async (page: Page, label: string) => count((await legendEntry(page, label).getAttribute('aria-label'))!.split(':')[1]!.split('(')[0]!);
const gridFooter = (page: Page) => page.locator('.MuiTablePagination-displayedRows');

test.describe('broadcasts', () => {
  test('the home page lists broadcasts; the list filters by status and name and keeps its filters in the URL', async ({ page }) => {
    await logIn(page);
    await expect(page).toHaveURL(/\/broadcasts$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Broadcasts' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New broadcast' })).toHaveAttribute('href', '/broadcasts/new');

    await page.getByRole('tab', { name: 'In progress' }).click();
    await expect(page).toHaveURL(/category=InProgress/);
    const grid = page.getByRole('table', { name: 'Broadcasts' });
    await expect(grid.getByRole('link', { name: 'Snow day closure', exact: true })).toHaveCount(0);
    // Only the calls of the combo still run (its texts were done within minutes).
    await expect(grid.getByRole('link', { name: 'Early dismissal: water main break' })).toHaveCount(1);
    await expect(grid.getByRole('progressbar').first()).toBeVisible();

    await page.getByLabel('Search by name').fill('dismissal');
    await expect(page).toHaveURL(/q=dismissal/);
    await expect(grid.getByRole('link', { name: 'Early dismissal: water main break' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('tab', { name: 'In progress' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Search by name')).toHaveValue('dismissal');
    await expect(grid.getByRole('link', { name: 'Early dismissal: water main break' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(2);

    await page.getByRole('tab', { name: 'Scheduled', exact: true }).click();
    await page.getByLabel('Search by name').fill('');
    await expect(page).toHaveURL(/category=Scheduled$/);
    await expect(grid.getByRole('link', { name: 'Graduation rehearsal schedule' })).toBeVisible();
    await expect(grid.getByText('Not started').first()).toBeVisible();

    // A start date range long before the demo's first broadcast: nothing matches, and the way out is offered.
    await page.getByRole('tab', { name: 'All' }).click();
    // The field is a plain stand-in until it is reached; then the date picker takes its place, focused.
    await page.getByRole('textbox', { name: 'Starting until' }).click();
    await expect(page.getByRole('group', { name: 'Starting until' }).getByRole('spinbutton', { name: 'Month' })).toBeFocused();
    await page.keyboard.type('01312000');
    await expect(page).toHaveURL(/to=2000-01-31/);
    await expect(page.getByText('No broadcast matches these filters')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Starting until' })).toContainText('01/31/2000');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/broadcasts$/);
    await expect(grid.getByRole('link', { name: 'Snow day closure', exact: true })).toBeVisible();
  });

  test('a limited user sees only their own broadcasts', async ({ page }) => {
    await logIn(page, DEMO_LIMITED);
    const grid = page.getByRole('table', { name: 'Broadcasts' });
    await expect(grid.getByRole('link', { name: 'Crew schedule change' })).toBeVisible();
    await expect(gridFooter(page)).toHaveText('1–3 of 3');
    await expect(grid.getByRole('link', { name: 'Snow day closure', exact: true })).toHaveCount(0);
  });

  test("a completed broadcast's figures and chart match its numbers, and a category filters them", async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Snow day closure');
    await expect(page.getByRole('status', { name: 'Broadcast status' })).toHaveText('Complete');

    // Everyone is listed, and the Recipients figure says how many.
    const footerTotal = async () => count((await gridFooter(page).textContent())!.split('of')[1]!);
    await expect(gridFooter(page)).toHaveText(/^1–25 of /);
    const recipients = await footerTotal();
    expect(recipients).toBeGreaterThan(1000);
    await expect(figure(page, 'Recipients')).toContainText(recipients.toLocaleString('en-US'));

    // The legend's counts add up to everyone, and each one is exactly the numbers with that result.
    const labels = ['Live answer', 'Answering machine', 'Busy / no answer', 'Invalid number'];
    const counts = await Promise.all(labels.map((label) => legendCount(page, label)));
    expect(counts.reduce((sum, value) => sum + value, 0)).toBe(recipients);

    await legendEntry(page, 'Busy / no answer').click();
    await expect(page).toHaveURL(/result=Busy%2FNo\+Answer/);
    await expect(legendEntry(page, 'Busy / no answer')).toHaveAttribute('aria-pressed', 'true');
    await expect(gridFooter(page)).toHaveText(`1–25 of ${counts[2]!.toLocaleString('en-US')}`);
    const results = page.getByRole('grid', { name: 'Results by number' }).locator('[data-field="CallResultCategory"][role="gridcell"]');
    await expect(results.first()).toHaveText('Busy/No Answer');
    expect(new Set(await results.allTextContents())).toEqual(new Set(['Busy/No Answer']));
    await expect(page.getByRole('link', { name: 'Send again to this group' })).toHaveAttribute(
      'href',
      /\/broadcasts\/new\?from=\d+&resultCategory=Busy%2FNo\+Answer$/,
    );

    // The Completed figure shows the completed numbers (here: everyone); Recipients shows everyone again.
    await figure(page, 'Completed').click();
    await expect(page).toHaveURL(/status=Completed/);
    await expect(figure(page, 'Completed')).toHaveAttribute('aria-pressed', 'true');
    await expect(gridFooter(page)).toHaveText(`1–25 of ${recipients.toLocaleString('en-US')}`);
    await expect(figure(page, 'Completed')).toContainText(recipients.toLocaleString('en-US'));
    await figure(page, 'Recipients').click();
    await expect(page).not.toHaveURL(/status=/);
    await expect(figure(page, 'Recipients')).toHaveAttribute('aria-pressed', 'true');
  });

  test('exports every matching number as CSV, with a header', async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Snow day closure');
    await legendEntry(page, 'Live answer').click();
    const matching = await legendCount(page, 'Live answer');
    // More than one export page (1,000 numbers each), so the export walks the feed.
    expect(matching).toBeGreaterThan(1000);
    await expect(gridFooter(page)).toHaveText(`1–25 of ${matching.toLocaleString('en-US')}`);
    const firstPhone = (await page.locator('[data-field="PhoneNumber"][role="gridcell"]').first().textContent())!.replace(/\D/g, '');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^broadcast-\d+-live-answer\.csv$/);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Phone number,First name,Last name,Result,Status,Attempts,Last call time,Notes,Integration data');
    expect(lines).toHaveLength(matching + 1);
    expect(lines.slice(1).every((line) => line.includes(',Live Answer,Completed,'))).toBe(true);
    expect(lines.find((line) => line.startsWith(`${firstPhone},`))).toBeDefined();
    await expect(page.getByRole('status').filter({ hasText: `Exported ${matching.toLocaleString('en-US')} numbers` })).toBeVisible();
  });

  test('pause and resume change a running broadcast’s status; a combo links its halves', async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Early dismissal: water main break', 'Calls');
    const status = page.getByRole('status', { name: 'Broadcast status' });
    await expect(status).toHaveText('In progress');

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toHaveText('Paused');
    await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(status).toHaveText('In progress');
    await page.reload();
    await expect(status).toHaveText('In progress');

    await page.getByRole('tab', { name: /^Texts/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Message and replies' })).toBeVisible();
    const textId = /\/broadcasts\/(\d+)$/.exec(page.url())![1];
    await expect(page.getByRole('link', { name: 'Open the conversations' })).toHaveAttribute('href', `/conversations?broadcast=${textId}`);
    await page.getByRole('tab', { name: /^Calls/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Progress over time' })).toBeVisible();
  });

  test('cancel asks for confirmation first', async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Yearbook orders closing');
    const status = page.getByRole('status', { name: 'Broadcast status' });
    await expect(status).toHaveText('Paused');

    await page.getByRole('button', { name: 'Cancel broadcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this broadcast?' });
    await expect(dialog).toContainText('not reached yet will not be contacted');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog).toBeHidden();
    await expect(status).toHaveText('Paused');

    await page.getByRole('button', { name: 'Cancel broadcast' }).click();
    await page.getByRole('dialog', { name: 'Cancel this broadcast?' }).getByRole('button', { name: 'Cancel broadcast' }).click();
    await expect(status).toHaveText('Canceled');
    await expect(page.getByRole('button', { name: 'Cancel broadcast' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible();
  });
});
