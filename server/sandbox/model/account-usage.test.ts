import { describe, expect, it } from 'vitest';
import { accountUsageSchema } from '../../../src/contract/account.ts';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { zonedTimeToEpoch } from '../time.ts';

const HAN = { UserName: 'han@cea', PinCode: 'kessel-run-12' };

describe('GET /v1/account/usage', () => {
  const sandbox = createSandboxHarness();
  const central = (day: number, hour: number) => zonedTimeToEpoch({ year: 2024, month: 3, day, hour, minute: 0 }, 'America/Chicago');
  const insertBroadcast = sandbox.db.prepare(
    `INSERT INTO broadcasts (broadcast_id, account_id, user_id, broadcast_name, broadcast_type, channel, broadcast_status, created_at, start_at)
     VALUES (?, 1, ?, 'Usage test', 'Announcement', 'Call', 'Complete', 0, 0)`,
  );
  const insertEntry = sandbox.db.prepare('INSERT INTO credit_ledger (account_id, broadcast_id, kind, credits, created_at) VALUES (1, ?, ?, ?, ?)');
  insertBroadcast.run(800001, 73312);
  insertBroadcast.run(800002, 73314);
  insertEntry.run(800001, 'Call', 3, central(9, 10));
  insertEntry.run(800001, 'Text', 0.5, central(9, 23));
  // 00:30 on the 10th in Texas is still the 9th in California: days follow the reader's zone.
  insertEntry.run(800002, 'Call', 2, central(10, 0) + 30 * 60_000);
  insertEntry.run(800002, 'Transfer', 1, central(11, 12));
  insertEntry.run(null, 'Purchase', 5000, central(10, 9));
  // Outside the range asked for.
  insertEntry.run(800001, 'Call', 99, central(12, 9));

  it('answers credits by kind for every day of the range, in the reader’s zone', async () => {
    const master = await sandbox.as();
    const usage = accountUsageSchema.parse(await master.json('GET', '/v1/account/usage?date-from=2024-03-09&date-to=2024-03-11'));
    expect(usage).toEqual({
      DateFrom: '2024-03-09',
      DateTo: '2024-03-11',
      Scope: 'Account',
      CreditsUsed: 6.5,
      CreditsPurchased: 5000,
      Totals: { Call: 5, Text: 0.5, Transfer: 1, Purchase: 5000 },
      Days: [
        { Date: '2024-03-09', Call: 3, Text: 0.5, Transfer: 0, Purchase: 0 },
        { Date: '2024-03-10', Call: 2, Text: 0, Transfer: 0, Purchase: 5000 },
        { Date: '2024-03-11', Call: 0, Text: 0, Transfer: 1, Purchase: 0 },
      ],
    });
  });

  it('counts only their own broadcasts (and the purchases) for users who may not see all broadcasts', async () => {
    const han = await sandbox.as(HAN);
    const usage = accountUsageSchema.parse(await han.json('GET', '/v1/account/usage?date-from=2024-03-09&date-to=2024-03-11'));
    expect(usage.Scope).toBe('OwnBroadcasts');
    expect(usage.Totals).toEqual({ Call: 2, Text: 0, Transfer: 1, Purchase: 5000 });
    // Han is in California: the call at 00:30 Central on the 10th was on the 9th for him.
    expect(usage.Days[0]).toEqual({ Date: '2024-03-09', Call: 2, Text: 0, Transfer: 0, Purchase: 0 });
  });

  it('covers the last 30 days when no range is given', async () => {
    const master = await sandbox.as();
    const usage = accountUsageSchema.parse(await master.json('GET', '/v1/account/usage'));
    expect(usage.Days).toHaveLength(30);
    expect(usage.Days.at(-1)?.Date).toBe(usage.DateTo);
  });

  it.each([
    ['date-from=2024-03-10&date-to=2024-03-09', 'date-from must not be after date-to.'],
    ['date-from=2024-02-30', 'date-from must be a date such as 2024-01-31.'],
    ['date-from=2023-01-01&date-to=2024-03-01', 'A usage report covers at most 366 days.'],
    ['from=2024-03-01', 'Unknown parameter from. Use date-from and date-to.'],
  ])('refuses %s with 400', async (query, message) => {
    const master = await sandbox.as();
    const response = await master.request('GET', `/v1/account/usage?${query}`);
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({ ErrorName: 'InvalidQueryParameter', Message: message });
  });
});
