import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { parseListQuery } from '../http/list-query.ts';
import { phoneNumberOrError } from '../http/phone-numbers.ts';
import { phoneNumberBroadcastFeedSpec, queryPhoneNumberBroadcastFeed } from '../model/broadcast-reports.ts';

/**
 * A phone number across broadcasts (docs/decisions/0033-phone-number-history.md): every broadcast the user may
 * see that had the number among its recipients, with its result there — "why wasn't this number reached?".
 */
export function phoneNumberRoutes({ db }: SandboxDeps) {
  return new Hono<SandboxEnv>().get('/phonenumbers/:phoneNumber{[0-9]+}/broadcasts', (c) => {
    const user = c.get('user');
    const phoneNumber = phoneNumberOrError('PhoneNumber', c.req.param('phoneNumber'));
    const url = new URL(c.req.url);
    const query = parseListQuery(url, phoneNumberBroadcastFeedSpec, user.timeZone);
    return c.json(queryPhoneNumberBroadcastFeed(db, user, phoneNumber, url, query));
  });
}
