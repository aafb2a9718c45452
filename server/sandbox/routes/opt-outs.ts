import { Hono } from 'hono';
import { optOutInputSchema, optOutRemovalInputSchema, type OptOutRemovalResult } from '../../../src/contract/opt-out.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { parseWith, readBody, readJsonBody } from '../http/json-body.ts';
import { parseListQuery } from '../http/list-query.ts';
import { phoneNumberOrError } from '../http/phone-numbers.ts';
import {
  channelSource,
  channelsToAdd,
  optOutFeedSpec,
  optOutHistorySpec,
  optOutQueries,
  queryOptOutFeed,
  queryOptOutHistory,
  storedOptOut,
  toApiOptOut,
} from '../model/opt-outs.ts';
import { parseFilterDate } from '../time.ts';

/**
 * Opt-outs (§18; docs/decisions/0032-opt-out-routes.md): query, add by channel, remove (opt back in), and each
 * number's history. An opt-out belongs to the account, so every user sees and honours it.
 */
export function optOutRoutes({ db, clock }: SandboxDeps) {
  const optOuts = optOutQueries(db);
  const readOptOut = (user: AuthUser, phoneNumber: string) => {
    const row = optOuts.byPhone(user, phoneNumber);
    if (!row) throw new SandboxError('ResourceNotFound', `${phoneNumber} is not opted out.`);
    return toApiOptOut(row, user.timeZone);
  };

  return new Hono<SandboxEnv>()
    .get('/optouts', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, optOutFeedSpec, user.timeZone);
      const dateFrom = query.extras.get('date-from');
      const since = dateFrom === undefined ? null : parseFilterDate(dateFrom, user.timeZone);
      if (dateFrom !== undefined && since === null) throw new SandboxError('InvalidQueryParameter', 'date-from must be a date such as 2020-10-01.');
      return c.json(queryOptOutFeed(db, user, url, query, since));
    })
    .get('/optouts/:phoneNumber{[0-9]+}', (c) => {
      const user = c.get('user');
      return c.json(readOptOut(user, phoneNumberOrError('PhoneNumber', c.req.param('phoneNumber'))));
    })
    .get('/optouts/:phoneNumber{[0-9]+}/history', (c) => {
      const user = c.get('user');
      const phoneNumber = phoneNumberOrError('PhoneNumber', c.req.param('phoneNumber'));
      const url = new URL(c.req.url);
      return c.json(queryOptOutHistory(db, user, phoneNumber, url, parseListQuery(url, optOutHistorySpec, user.timeZone)));
    })
    .post('/optouts', async (c) => {
      const user = c.get('user');
      const input = await readBody(c, optOutInputSchema);
      const phoneNumber = phoneNumberOrError('PhoneNumber', input.PhoneNumber);
      // Nothing new to add: say so, and leave the standing opt-out and its reason as they are (decision 0141).
      const stored = storedOptOut(db, user.accountId, phoneNumber);
      const adds = channelsToAdd(stored, input.DoNotCall === true, input.DoNotText === true);
      if (stored && !adds.call && !adds.text) {
        const standing = readOptOut(user, phoneNumber);
        const channels = standing.DoNotCall && standing.DoNotText ? 'calls and texts' : standing.DoNotCall ? 'calls' : 'texts';
        throw new SandboxError(
          'Conflict',
          `${phoneNumber} is already opted out of ${channels} (since ${standing.OptOutDate}` +
            `${standing.Notes ? `, reason: ${standing.Notes}` : ''}); nothing was changed.`,
        );
      }
      optOuts.add({
        accountId: user.accountId,
        phoneNumber,
        call: input.DoNotCall === true,
        text: input.DoNotText === true,
        source: 'Manual',
        notes: input.Notes,
        userId: user.userId,
        at: clock.now(),
      });
      return c.json(readOptOut(user, phoneNumber));
    })
    .delete('/optouts/:phoneNumber{[0-9]+}', async (c) => {
      const user = c.get('user');
      const phoneNumber = phoneNumberOrError('PhoneNumber', c.req.param('phoneNumber'));
      const channelParam = c.req.query('channel') ?? c.req.query('Channel');
      const channel = channelParam?.toLowerCase();
      if (channel !== undefined && channel !== 'call' && channel !== 'text') {
        throw new SandboxError('InvalidQueryParameter', 'channel must be Call or Text (leave it out to lift both).');
      }
      const body = await readJsonBody(c);
      const { Notes } = body === undefined ? { Notes: undefined } : parseWith(optOutRemovalInputSchema, body);

      const stored = storedOptOut(db, user.accountId, phoneNumber);
      if (!stored) throw new SandboxError('ResourceNotFound', `${phoneNumber} is not opted out.`);
      if (stored.global_opt_out === 1) {
        throw new SandboxError('Conflict', `${phoneNumber} opted out of every Text-Em-All sender; that cannot be lifted here.`);
      }
      const liftText = channel !== 'call';
      // Carriers let only the person reverse a STOP: they opt back in by texting UNSTOP.
      if (liftText && stored.do_not_text === 1 && channelSource(db, user.accountId, phoneNumber, 'text') === 'TextReply') {
        throw new SandboxError(
          'Conflict',
          `${phoneNumber} opted out of texts by replying STOP; only the person can opt back in, by texting UNSTOP. ` +
            'Its voice opt-out can be lifted on its own (channel=Call).',
        );
      }
      const result = optOuts.lift({
        accountId: user.accountId,
        phoneNumber,
        call: channel !== 'text',
        text: liftText,
        source: 'Manual',
        notes: Notes,
        userId: user.userId,
        at: clock.now(),
      })!;
      const reply: OptOutRemovalResult = {
        PhoneNumber: phoneNumber,
        DoNotCall: result.doNotCall,
        DoNotText: result.doNotText,
        Deleted: result.deleted,
      };
      return c.json(reply);
    });
}
