import { z } from 'zod';
import { apiJson } from './api.ts';
import { expect, logIn, test } from './fixtures.ts';

/** What the broadcasts pages say stays true: no stale notification, no start that never happened, no false "empty". */

test.describe('broadcast messages', () => {
  test('resuming replaces the "Paused" notification, so its Undo is not left to fail', async ({ page }) => {
    await logIn(page);
    const name = 'Early dismissal: water main break';
    await page.goto(`/broadcasts?q=${encodeURIComponent(name)}`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .filter({ hasText: 'Calls of a combined broadcast' });
    await row.getByRole('link', { name, exact: true }).click();
    const status = page.getByRole('status', { name: 'Broadcast status' });
    await expect(status).toHaveText('In progress');

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('Paused. Nothing new goes out until you resume.')).toBeVisible();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByText('Resumed.', { exact: true })).toBeVisible();
    await expect(page.getByText('Paused. Nothing new goes out until you resume.')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  });

  test('a scheduled broadcast canceled before its start says it never started', async ({ page }) => {
    await logIn(page);
    const created = await apiJson(page, 'POST', '/v1/broadcasts', z.object({ BroadcastID: z.coerce.number() }).loose(), {
      BroadcastName: 'Never started check',
      BroadcastType: 'SMS',
      StartDate: '1/15/2031 10:00AM',
      TextMessage: 'Canceled before it starts.',
      Contacts: [{ FirstName: 'Pat', LastName: 'Lee', PrimaryPhone: '2145550199' }],
    });
    await page.goto(`/broadcasts/${created.BroadcastID}`);
    await expect(page.getByRole('status', { name: 'Broadcast status' })).toHaveText('Scheduled');
    await page.getByRole('button', { name: 'Cancel broadcast' }).click();
    await page.getByRole('dialog', { name: 'Cancel this broadcast?' }).getByRole('button', { name: 'Cancel broadcast' }).click();
    await expect(page.getByRole('status', { name: 'Broadcast status' })).toHaveText('Canceled');
    await expect(page.getByText(/^Never started \(it was to start /)).toBeVisible();
    await expect(page.getByText(/took 0 min/)).toHaveCount(0);
  });

  test('a filter the API refuses is explained in words, without the empty state', async ({ page }) => {
    await logIn(page);
    await page.goto('/broadcasts?type=NotAType');
    await expect(page.getByText(/These filters cannot be used/)).toBeVisible();
    await expect(page.getByText('No broadcasts yet')).toHaveCount(0);
    await expect(page.getByText('No broadcast matches these filters')).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('link', { name: 'Snow day closure', exact: true })).toBeVisible();
  });

  test('a failed load replaces the empty state', async ({ page }) => {
    await logIn(page);
    await page.route(/\/api\/v1\/broadcasts(\?|$)/, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }));
    await page.goto('/broadcasts');
    await expect(page.getByText('The broadcasts could not be loaded.')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('No broadcasts yet')).toHaveCount(0);
  });
});
