import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { accountQueries, createUsageReport, toApiAccount } from '../model/account-usage.ts';

/** GET /v1/account, and our usage report of its credits (docs/decisions/0041-account-usage.md). */
export function accountRoutes({ db, clock }: SandboxDeps) {
  const accounts = accountQueries(db);
  const usage = createUsageReport(db, clock);

  return new Hono<SandboxEnv>()
    .get('/account', (c) => {
      const user = c.get('user');
      const row = accounts.byId(user.accountId);
      if (!row) throw notFound('Account', user.accountId);
      return c.json(toApiAccount(row, user.timeZone));
    })
    .get('/account/usage', (c) => c.json(usage(c.get('user'), new URL(c.req.url))));
}
