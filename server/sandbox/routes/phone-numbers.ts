import { Hono } from 'hono';
import { broadcastStatuses, broadcastTypes } from '../../../src/contract/broadcast.ts';
import type { PhoneNumberBroadcast } from '../../../src/contract/phone-number-broadcast.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { parseListQuery, queryFeed, type ListSpec } from '../http/list-query.ts';
import { phoneNumberOrError } from '../http/phone-numbers.ts';
import { broadcastScope, toApiBroadcastDetail, type BroadcastRow, type RecipientRow } from '../model/broadcasts.ts';
import { formatApiDate } from '../time.ts';

type Row = RecipientRow & Pick<BroadcastRow, 'broadcast_name' | 'broadcast_type' | 'broadcast_status' | 'channel' | 'start_at'>;

const broadcastList: ListSpec = {
  fields: {
    BroadcastID: { sql: 'b.broadcast_id', type: 'integer' },
    BroadcastName: { sql: 'b.broadcast_name', type: 'string' },
    BroadcastType: { sql: 'b.broadcast_type', type: 'string', values: broadcastTypes },
    BroadcastStatus: { sql: 'b.broadcast_status', type: 'string', values: broadcastStatuses },
    Channel: { sql: 'b.channel', type: 'string', values: ['Call', 'Text'] },
    StartDate: { sql: 'b.start_at', type: 'date' },
    // One of the two is filled, by channel (docs/decisions/0011-broadcast-results.md).
    CallResultCategory: { sql: "CASE WHEN b.channel = 'Call' THEN COALESCE(r.result_category, '') END", type: 'string' },
    TextResultCategory: { sql: "CASE WHEN b.channel = 'Text' THEN COALESCE(r.result_category, '') END", type: 'string' },
  },
  defaultSort: 'b.start_at DESC',
  tieBreaker: 'b.broadcast_id DESC, r.seq',
};

/**
 * A phone number across broadcasts (docs/decisions/0033-phone-number-history.md): every broadcast the user may
 * see that had the number among its recipients, with its result there — "why wasn't this number reached?".
 */
export function phoneNumberRoutes({ db }: SandboxDeps) {
  return new Hono<SandboxEnv>().get('/phonenumbers/:phoneNumber{[0-9]+}/broadcasts', (c) => {
    const user = c.get('user');
    const phoneNumber = phoneNumberOrError('PhoneNumber', c.req.param('phoneNumber'));
    const url = new URL(c.req.url);
    const query = parseListQuery(url, broadcastList, user.timeZone);
    const scope = broadcastScope(user, 'b');
    const source = {
      from: 'broadcast_recipients r JOIN broadcasts b ON b.broadcast_id = r.broadcast_id',
      where: ['r.phone_number = ?', scope.sql],
      params: [phoneNumber, ...scope.params],
      select: 'r.*, b.broadcast_name, b.broadcast_type, b.broadcast_status, b.channel, b.start_at',
    };
    return c.json(
      queryFeed(db, url, source, query, (row: Row): PhoneNumberBroadcast => ({
        ...toApiBroadcastDetail(row, row.channel, user.timeZone),
        BroadcastID: row.broadcast_id,
        BroadcastName: row.broadcast_name,
        BroadcastType: row.broadcast_type,
        BroadcastStatus: row.broadcast_status,
        Channel: row.channel,
        StartDate: formatApiDate(row.start_at, user.timeZone),
      })),
    );
  });
}
