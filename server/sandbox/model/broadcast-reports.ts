import { broadcastStatusCategories, broadcastStatuses, broadcastTypes, type Broadcast } from '../../../src/contract/broadcast.ts';
import { callResultCategories, callStatuses, textResultCategories, textStatuses, type BroadcastDetail } from '../../../src/contract/broadcast-detail.ts';
import type { Feed } from '../../../src/contract/feed.ts';
import type { PhoneNumberBroadcast } from '../../../src/contract/phone-number-broadcast.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { escapeLike, queryFeed, type FieldSpec, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { formatApiDate } from '../time.ts';
import {
  BROADCAST_FROM,
  BROADCAST_SELECT,
  broadcastScope,
  toApiBroadcast,
  toApiBroadcastDetail,
  type BroadcastRow,
  type BroadcastRowWithJoins,
  type RecipientRow,
} from './broadcasts.ts';

/** The feeds a report reads: broadcasts (docs/decisions/0020-broadcast-queries.md) and their per-number results. */

const STATUS_CATEGORY_SQL = `CASE b.broadcast_status WHEN 'AuthorizationApproved' THEN 'Scheduled' WHEN 'Complete' THEN 'Completed'
  ELSE b.broadcast_status END`;

/** GET /v1/broadcasts. */
export const broadcastFeedSpec: ListSpec = {
  fields: {
    BroadcastID: { sql: 'b.broadcast_id', type: 'integer' },
    BroadcastName: { sql: 'b.broadcast_name', type: 'string' },
    BroadcastType: { sql: 'b.broadcast_type', type: 'string', values: broadcastTypes },
    // The seed's own query filters on `Completed` (the category's spelling) and gets `Complete` back (decision 0010).
    BroadcastStatus: { sql: 'b.broadcast_status', type: 'string', values: broadcastStatuses, aliases: { Completed: 'Complete' } },
    BroadcastStatusCategory: { sql: STATUS_CATEGORY_SQL, type: 'string', values: broadcastStatusCategories },
    CreatedDate: { sql: 'b.created_at', type: 'date' },
    StartDate: { sql: 'b.start_at', type: 'date' },
    CompletedDate: { sql: 'b.completed_at', type: 'date' },
    CallerID: { sql: 'b.caller_id', type: 'string' },
    CreditsUsed: { sql: 'b.credits_used', type: 'number' },
    PhoneNumberCount: { sql: 'b.phone_number_count', type: 'integer' },
    TotalCompleted: { sql: 'b.total_completed', type: 'integer' },
    TextNumberID: { sql: 'b.text_number_id', type: 'integer' },
    HasCustomField: { sql: 'b.has_custom_field', type: 'boolean' },
    CallBroadcastID: { sql: 'COALESCE(b.call_broadcast_id, 0)', type: 'integer' },
    TextBroadcastID: { sql: 'COALESCE(b.text_broadcast_id, 0)', type: 'integer' },
  },
  defaultSort: 'b.start_at DESC',
  tieBreaker: 'b.broadcast_id DESC',
  search: (term) => ({ sql: "b.broadcast_name LIKE ? ESCAPE '\\'", params: [`%${escapeLike(term)}%`] }),
};

/** One page of the broadcasts `user` may see. */
export function queryBroadcastFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<Broadcast> {
  const scope = broadcastScope(user);
  return queryFeed(db, url, { select: BROADCAST_SELECT, from: BROADCAST_FROM, where: [scope.sql], params: scope.params }, query, (row: BroadcastRowWithJoins) =>
    toApiBroadcast(row, user.timeZone),
  );
}

/** `search` on details: a name, or (when it has two digits or more) a part of the phone number. */
function searchRecipients(term: string) {
  const name = `%${escapeLike(term)}%`;
  const digits = term.replace(/\D/g, '');
  const conditions = ["(r.first_name || ' ' || r.last_name) LIKE ? ESCAPE '\\'"];
  const params: unknown[] = [name];
  if (digits.length >= 2) {
    conditions.push("r.phone_number LIKE ? ESCAPE '\\'");
    params.push(`%${digits}%`);
  }
  return { sql: conditions.join(' OR '), params };
}

const contactFields: Record<string, FieldSpec> = {
  PhoneNumber: { sql: 'r.phone_number', type: 'string' },
  FirstName: { sql: 'r.first_name', type: 'string' },
  LastName: { sql: 'r.last_name', type: 'string' },
  Notes: { sql: 'r.notes', type: 'string' },
  IntegrationData: { sql: 'r.integration_data', type: 'string' },
};

// A result is "" before the first attempt (decision 0011), so "" is a value one may filter on.
const resultField = (values: readonly string[]): FieldSpec => ({
  sql: "COALESCE(r.result_category, '')",
  type: 'string',
  values: [...values, ''],
});

/** GET /v1/broadcasts/{id}/details: each channel filters on its own fields, as its items carry them. */
export const recipientFeedSpecs: Record<'Call' | 'Text', ListSpec> = {
  Call: {
    fields: {
      ...contactFields,
      NumberOfAttempts: { sql: 'r.attempts', type: 'integer' },
      LastCallTime: { sql: 'r.last_attempt_at', type: 'date' },
      SurveyResult: { sql: 'r.survey_result', type: 'string' },
      CallResultCategory: resultField(callResultCategories),
      CallStatus: { sql: 'r.status', type: 'string', values: callStatuses },
      TransferDuration: { sql: 'r.transfer_duration', type: 'integer' },
      IsTransferInitiated: { sql: 'r.is_transfer_initiated', type: 'boolean' },
    },
    defaultSort: 'r.seq ASC',
    tieBreaker: 'r.seq ASC',
    search: searchRecipients,
  },
  Text: {
    fields: {
      ...contactFields,
      TextResultCategory: resultField(textResultCategories),
      TextStatus: { sql: 'r.status', type: 'string', values: textStatuses },
      MessageText: { sql: 'r.message_text', type: 'string', sortable: false },
    },
    defaultSort: 'r.seq ASC',
    tieBreaker: 'r.seq ASC',
    search: searchRecipients,
  },
};

/** One page of a broadcast's per-number results, read with recipientFeedSpecs[broadcast.channel]; dates in `user`'s zone. */
export function queryBroadcastDetailFeed(db: SandboxDatabase, user: AuthUser, broadcast: BroadcastRow, url: URL, query: ListQuery): Feed<BroadcastDetail> {
  return queryFeed(
    db,
    url,
    { select: 'r.*', from: 'broadcast_recipients r', where: ['r.broadcast_id = ?'], params: [broadcast.broadcast_id] },
    query,
    (row: RecipientRow) => toApiBroadcastDetail(row, broadcast.channel, user.timeZone),
    // Every number of the broadcast has one row, written once when it was created: unfiltered, the count is known.
    { total: query.filtered || query.search !== null ? undefined : broadcast.phone_number_count },
  );
}

type PhoneNumberBroadcastRow = RecipientRow & Pick<BroadcastRow, 'broadcast_name' | 'broadcast_type' | 'broadcast_status' | 'channel' | 'start_at'>;

/** A phone number across broadcasts (docs/decisions/0033-phone-number-history.md). */
export const phoneNumberBroadcastFeedSpec: ListSpec = {
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

/** GET /v1/phonenumbers/{number}/broadcasts: every broadcast `user` may see that had the number, with its result there. */
export function queryPhoneNumberBroadcastFeed(
  db: SandboxDatabase,
  user: AuthUser,
  phoneNumber: string,
  url: URL,
  query: ListQuery,
): Feed<PhoneNumberBroadcast> {
  const scope = broadcastScope(user, 'b');
  const source = {
    from: 'broadcast_recipients r JOIN broadcasts b ON b.broadcast_id = r.broadcast_id',
    where: ['r.phone_number = ?', scope.sql],
    params: [phoneNumber, ...scope.params],
    select: 'r.*, b.broadcast_name, b.broadcast_type, b.broadcast_status, b.channel, b.start_at',
  };
  return queryFeed(db, url, source, query, (row: PhoneNumberBroadcastRow): PhoneNumberBroadcast => ({
    ...toApiBroadcastDetail(row, row.channel, user.timeZone),
    BroadcastID: row.broadcast_id,
    BroadcastName: row.broadcast_name,
    BroadcastType: row.broadcast_type,
    BroadcastStatus: row.broadcast_status,
    Channel: row.channel,
    StartDate: formatApiDate(row.start_at, user.timeZone),
  }));
}
