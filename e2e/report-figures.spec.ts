import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.ts';

/** Every copy of a report's figures on one screen says the same (src/features/broadcasts/report-figures.ts). */

async function openReport(page: Page, name: string, half: 'Calls' | 'Texts') {
  await page.goto(`/broadcasts?q=${encodeURIComponent(name)}`);
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
    .filter({ hasText: `${half} of a combined broadcast` });
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const percentIn = (text: string | null) => /(\d+(?:\.\d)?)%/.exec(text ?? '')?.[1] ?? null;
const countIn = (text: string | null) => /([\d,]+) of [\d,]+ numbers/.exec(text ?? '')?.[1] ?? null;

test.describe('report figures', () => {
  test("a running broadcast's progress reads the same in the header, the Completed card, its bar and the chart", async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Early dismissal: water main break', 'Calls');
    const completedCard = page.getByRole('button', { name: /^Completed\b/ });
    const chartCaption = page.locator('figcaption');
    await expect(chartCaption).toBeVisible();

    // Read together, so a refresh between reads cannot pass for a disagreement.
    const readAll = async () => {
      // The card's lines: label, value, hint ("47.6% · 721 not finished").
      const [, value = null, hint = null] = (await completedCard.innerText())
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const bar = await completedCard.getByRole('progressbar').getAttribute('aria-label');
      const spoken = await page.getByRole('status', { name: 'Broadcast progress' }).textContent();
      return {
        percents: [percentIn(hint), percentIn(bar), percentIn(spoken)],
        counts: [value, countIn(await chartCaption.textContent())],
      };
    };
    await expect
      .poll(async () => {
        const { percents, counts } = await readAll();
        return percents[0] !== null && new Set(percents).size === 1 && counts[0] !== null && new Set(counts).size === 1;
      })
      .toBe(true);
  });

  test('the progress chart draws its curve from one request', async ({ page }) => {
    await logIn(page);
    const chartRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/details\?/.test(request.url()) && request.url().includes('LastCallTime')) chartRequests.push(request.url());
    });
    await openReport(page, 'Early dismissal: water main break', 'Calls');
    await expect(page.locator('figcaption')).toContainText('numbers completed by');
    // One page of the newest completions, never a second page: the broadcast is running, so the chart may ask again
    // (the same request) when its count moves while the report is open.
    expect(chartRequests.length).toBeGreaterThanOrEqual(1);
    expect(new Set(chartRequests).size).toBe(1);
    const asked = new URL(chartRequests[0]!).searchParams;
    expect(asked.get('pagesize')).toBe('1000');
    expect(asked.get('page') ?? '1').toBe('1');
  });

  test("a text broadcast's Delivered card and its results legend give one share", async ({ page }) => {
    await logIn(page);
    await openReport(page, 'Early dismissal: water main break', 'Texts');
    const legend = page.getByRole('list', { name: 'Results' }).getByRole('button', { name: /^Delivered:/ });
    const legendPercent = percentIn(await legend.getAttribute('aria-label'));
    expect(legendPercent).not.toBeNull();
    const card = page.getByRole('heading', { level: 3, name: 'Delivered' }).locator('xpath=../..');
    await expect(card.locator('p').first()).toHaveText(`${legendPercent}%`);
  });
});
