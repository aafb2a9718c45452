import { Hono } from 'hono';
import type { Account } from '../../../src/contract/account.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { createUsageReport } from '../model/account-usage.ts';
import { formatApiDate } from '../time.ts';

interface AccountRow {
  account_id: number;
  company_name: string;
  account_status: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  call_balance: number;
  can_create_users: number;
  created_at: number;
  pending: number;
}

/** Credits are kept to two decimals (texts cost half a credit; transfers bill by the minute). */
const credits = (value: number) => Math.round(value * 100) / 100;

/** GET /v1/account, and our usage report of its credits (docs/decisions/0041-account-usage.md). */
export function accountRoutes({ db, clock }: SandboxDeps) {
  const accountById = db.prepare<[number], AccountRow>(`
    SELECT a.*, COALESCE((
      SELECT SUM(MAX(b.max_credit_cost - b.credits_used, 0)) FROM broadcasts b
      WHERE b.account_id = a.account_id AND b.deleted_at IS NULL
        AND b.broadcast_status IN ('AuthorizationApproved', 'InProgress', 'Paused')
    ), 0) AS pending
    FROM accounts a WHERE a.account_id = ?`);
  const usage = createUsageReport(db, clock);

  return new Hono<SandboxEnv>()
    .get('/account', (c) => {
      const user = c.get('user');
      const row = accountById.get(user.accountId);
      if (!row) throw notFound('Account', user.accountId);
      const account: Account = {
        Uri: '/v1/account',
        AccountID: row.account_id,
        CompanyName: row.company_name,
        AccountStatus: row.account_status,
        Address: row.address,
        City: row.city,
        State: row.state,
        Zip: row.zip,
        Phone: row.phone,
        CallBalance: credits(row.call_balance),
        PendingCallBalance: credits(row.pending),
        AvailableCallUnits: credits(row.call_balance - row.pending),
        CanCreateUsers: row.can_create_users === 1,
        CreatedDate: formatApiDate(row.created_at, user.timeZone),
      };
      return c.json(account);
    })
    .get('/account/usage', (c) => c.json(usage(c.get('user'), new URL(c.req.url))));
}
