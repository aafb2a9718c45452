import { expect, logIn, test } from './fixtures.ts';

// The e2e code has no DOM types: what the page functions below use, declared.
declare const document: {
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): unknown };
  createRange(): { selectNodeContents(node: unknown): void; getBoundingClientRect(): { right: number } };
};
const SHOW_TEXT = 4;

/** Where an element's first text ends on screen (not its box: a header's box holds its sort arrow too). */
const textRight = (element: unknown, showText: number) => {
  const node = document.createTreeWalker(element, showText).nextNode();
  const range = document.createRange();
  range.selectNodeContents(node ?? element);
  return range.getBoundingClientRect().right;
};
/** Whether an element shows all it holds, without sideways overflow. */
const fits = (element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth;

test.describe('broadcast tables', () => {
  test('a right-aligned header ends where its values end', async ({ page }) => {
    await logIn(page);
    await page.goto('/broadcasts');
    const table = page.getByRole('table', { name: 'Broadcasts' });
    const header = table.getByRole('columnheader', { name: 'Credits' }).getByRole('button', { name: 'Credits' });
    const firstValue = table.getByRole('row').nth(1).getByRole('cell').last();
    await expect(firstValue).toBeVisible();
    const headerRight = await header.evaluate(textRight, SHOW_TEXT);
    const valueRight = await firstValue.evaluate(textRight, SHOW_TEXT);
    expect(Math.abs(headerRight - valueRight)).toBeLessThanOrEqual(2);
  });

  test("a report's Attempts header shows in full", async ({ page }) => {
    await logIn(page);
    await page.goto('/broadcasts?q=Snow%20day%20closure');
    await page.getByRole('link', { name: 'Snow day closure', exact: true }).click();
    const title = page.getByRole('columnheader', { name: 'Attempts' }).locator('.MuiDataGrid-columnHeaderTitle');
    await expect(title).toHaveText('Attempts');
    expect(await title.evaluate(fits)).toBe(true);
  });

  test('on a phone the broadcasts table fits: name, status and progress', async ({ page }) => {
    await logIn(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/broadcasts');
    const table = page.getByRole('table', { name: 'Broadcasts' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['Broadcast', 'Status', 'Completed']);
    expect(await table.locator('xpath=..').evaluate(fits)).toBe(true);
  });
});
