import type { Feed } from '../../../src/contract/feed.ts';
import type { OptOut, OptOutEvent, OptOutSource } from '../../../src/contract/opt-out.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { phoneOrNameSearch } from '../http/phone-numbers.ts';
import { formatApiDate } from '../time.ts';
import { contactIdForPhoneSql, perRoster } from './phone-contacts.ts';
import { namedUserStub } from './users.ts';

/**
 * Opt-outs by channel, and their history (docs/decisions/0032-opt-out-routes.md). Every change, whoever makes it
 * (a user, a STOP reply, a keypress), goes through optOut/optIn so `opt_out_events` and the contacts' flags
 * never disagree with `opt_outs`.
 */

export interface OptOutRow {
  phone_number: string;
  do_not_call: number;
  do_not_text: number;
  global_opt_out: number;
  notes: string;
  source: OptOutSource;
  opt_out_date: number;
  first_name: string | null;
  last_name: string | null;
}

/** The SELECT and FROM of OptOutRow (alias `o`), the name of the contact joined in from the viewer's roster. */
export const OPT_OUT_SELECT = 'o.phone_number, o.do_not_call, o.do_not_text, o.global_opt_out, o.notes, o.source, o.opt_out_date, p.first_name, p.last_name';
export const optOutFrom = (viewer: AuthUser) =>
  `opt_outs o LEFT JOIN contacts p ON p.person_id = ${contactIdForPhoneSql('o.account_id', 'o.phone_number', viewer)}`;

/** The seed's Query Opt Outs item, key for key. */
export function toApiOptOut(row: OptOutRow, timeZone: string): OptOut {
  return {
    FirstName: row.first_name ?? '',
    LastName: row.last_name ?? '',
    PhoneNumber: row.phone_number,
    Notes: row.notes,
    OptOutDate: formatApiDate(row.opt_out_date, timeZone),
    DoNotCall: row.do_not_call === 1,
    DoNotText: row.do_not_text === 1,
    GlobalOptOut: row.global_opt_out === 1,
  };
}

export interface OptOutEventRow {
  event_id: number;
  phone_number: string;
  action: 'OptOut' | 'OptIn';
  do_not_call: number;
  do_not_text: number;
  source: OptOutSource;
  notes: string;
  user_id: number | null;
  user_first_name: string | null;
  user_last_name: string | null;
  broadcast_id: number | null;
  created_at: number;
}

export const OPT_OUT_EVENT_SELECT =
  'e.event_id, e.phone_number, e.action, e.do_not_call, e.do_not_text, e.source, e.notes, e.user_id, u.first_name AS user_first_name, u.last_name AS user_last_name, e.broadcast_id, e.created_at';
export const OPT_OUT_EVENT_FROM = 'opt_out_events e LEFT JOIN users u ON u.user_id = e.user_id';

export function toApiOptOutEvent(row: OptOutEventRow, timeZone: string): OptOutEvent {
  return {
    EventID: row.event_id,
    PhoneNumber: row.phone_number,
    Action: row.action,
    DoNotCall: row.do_not_call === 1,
    DoNotText: row.do_not_text === 1,
    Source: row.source,
    Notes: row.notes,
    User: namedUserStub(row.user_id, row.user_first_name, row.user_last_name),
    BroadcastID: row.broadcast_id,
    EventDate: formatApiDate(row.created_at, timeZone),
  };
}

/** Filters, sorts and search of the opt-outs feed; `date-from` is read by the route (queryOptOutFeed's `since`). */
export const optOutFeedSpec: ListSpec = {
  fields: {
    PhoneNumber: { sql: 'o.phone_number', type: 'string' },
    FirstName: { sql: "COALESCE(p.first_name, '')", type: 'string' },
    LastName: { sql: "COALESCE(p.last_name, '')", type: 'string' },
    Notes: { sql: 'o.notes', type: 'string' },
    OptOutDate: { sql: 'o.opt_out_date', type: 'date' },
    DoNotCall: { sql: 'o.do_not_call', type: 'boolean' },
    DoNotText: { sql: 'o.do_not_text', type: 'boolean' },
    GlobalOptOut: { sql: 'o.global_opt_out', type: 'boolean' },
  },
  // Oldest first, as the seed's example lists them.
  defaultSort: 'o.opt_out_date',
  tieBreaker: 'o.phone_number',
  search: phoneOrNameSearch('o.phone_number', 'p.first_name', 'p.last_name'),
  extraParams: ['date-from'],
};

/** Filters and sorts of a number's opt-out history. */
export const optOutHistorySpec: ListSpec = {
  fields: {
    EventID: { sql: 'e.event_id', type: 'integer' },
    Action: { sql: 'e.action', type: 'string', values: ['OptOut', 'OptIn'] },
    Source: { sql: 'e.source', type: 'string', values: ['Manual', 'Keypress', 'TextReply', 'Import'] },
    DoNotCall: { sql: 'e.do_not_call', type: 'boolean' },
    DoNotText: { sql: 'e.do_not_text', type: 'boolean' },
    EventDate: { sql: 'e.created_at', type: 'date' },
  },
  // Newest first: the question is usually "what happened last?".
  defaultSort: 'e.created_at DESC',
  tieBreaker: 'e.event_id DESC',
};

/** One page of the account's opt-outs, those made since `since` (epoch ms) when it is given. */
export function queryOptOutFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery, since: number | null): Feed<OptOut> {
  const where = ['o.account_id = ?'];
  const params: unknown[] = [user.accountId];
  if (since !== null) {
    where.push('o.opt_out_date >= ?');
    params.push(since);
  }
  const source = { from: optOutFrom(user), where, params, select: OPT_OUT_SELECT };
  return queryFeed(db, url, source, query, (row: OptOutRow) => toApiOptOut(row, user.timeZone));
}

/** One page of a number's opt-out history on the user's account. */
export function queryOptOutHistory(db: SandboxDatabase, user: AuthUser, phoneNumber: string, url: URL, query: ListQuery): Feed<OptOutEvent> {
  const source = {
    from: OPT_OUT_EVENT_FROM,
    where: ['e.account_id = ?', 'e.phone_number = ?'],
    params: [user.accountId, phoneNumber],
    select: OPT_OUT_EVENT_SELECT,
  };
  return queryFeed(db, url, source, query, (row: OptOutEventRow) => toApiOptOutEvent(row, user.timeZone));
}

export interface OptOutChange {
  accountId: number;
  phoneNumber: string;
  /** The channels to add (optOut) or lift (optIn). */
  call: boolean;
  text: boolean;
  source: OptOutSource;
  notes?: string;
  userId?: number | null;
  broadcastId?: number | null;
  at: number;
}

interface StoredChannels {
  do_not_call: number;
  do_not_text: number;
  global_opt_out: number;
  source: OptOutSource;
}

export function storedOptOut(db: SandboxDatabase, accountId: number, phoneNumber: string): StoredChannels | undefined {
  return db
    .prepare<[number, string], StoredChannels>(
      'SELECT do_not_call, do_not_text, global_opt_out, source FROM opt_outs WHERE account_id = ? AND phone_number = ?',
    )
    .get(accountId, phoneNumber);
}

/** True when nothing may be texted to the number: it opted out of texts here, or of every sender. */
export function isOptedOutOfTexts(db: SandboxDatabase, accountId: number, phoneNumber: string): boolean {
  const stored = storedOptOut(db, accountId, phoneNumber);
  return stored !== undefined && (stored.do_not_text === 1 || stored.global_opt_out === 1);
}

/** How a channel's standing opt-out came about: the source of the latest opt-out event that set it. */
export function channelSource(db: SandboxDatabase, accountId: number, phoneNumber: string, channel: 'call' | 'text'): OptOutSource | null {
  const column = channel === 'call' ? 'do_not_call' : 'do_not_text';
  const row = db
    .prepare<[number, string], { source: OptOutSource }>(
      `SELECT source FROM opt_out_events
       WHERE account_id = ? AND phone_number = ? AND action = 'OptOut' AND ${column} = 1
       ORDER BY created_at DESC, event_id DESC LIMIT 1`,
    )
    .get(accountId, phoneNumber);
  return row?.source ?? null;
}

function recordEvent(db: SandboxDatabase, action: 'OptOut' | 'OptIn', change: OptOutChange, call: boolean, text: boolean) {
  db.prepare(
    `INSERT INTO opt_out_events (account_id, phone_number, action, do_not_call, do_not_text, source, notes, user_id, broadcast_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    change.accountId,
    change.phoneNumber,
    action,
    call ? 1 : 0,
    text ? 1 : 0,
    change.source,
    change.notes ?? '',
    change.userId ?? null,
    change.broadcastId ?? null,
    change.at,
  );
}

/** Keeps the contacts' per-phone flags (DoNotCall…, …TextOptInStatus) in step with a change. */
function updateContacts(db: SandboxDatabase, accountId: number, phoneNumber: string, changes: { doNotCall?: 0 | 1; textStatus?: 'OptedOut' | 'OptedIn' }) {
  for (const slot of ['primary', 'secondary', 'tertiary'] as const) {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (changes.doNotCall !== undefined) {
      sets.push(`dnc_${slot} = ?`);
      params.push(changes.doNotCall);
    }
    // A number known to be a landline stays NotTextable either way (docs/decisions/0009-text-opt-in-statuses.md).
    if (changes.textStatus) {
      sets.push(`optin_${slot} = CASE WHEN optin_${slot} = 'NotTextable' THEN 'NotTextable' ELSE ? END`);
      params.push(changes.textStatus);
    }
    if (sets.length === 0) return;
    db.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE account_id = ? AND ${slot}_phone = ?`).run(...params, accountId, phoneNumber);
  }
}

/** The channels a request for `call` and `text` adds to what is already stored (none when it adds nothing). */
export function channelsToAdd(stored: StoredChannels | undefined, call: boolean, text: boolean): { call: boolean; text: boolean } {
  return { call: call && stored?.do_not_call !== 1, text: text && stored?.do_not_text !== 1 };
}

/**
 * Adds channels to a number's opt-out (creating it when needed). Channels already opted out stay as they are;
 * a change that adds nothing writes nothing, its reason included. Returns the channels it added.
 */
export function optOut(db: SandboxDatabase, change: OptOutChange): { call: boolean; text: boolean } {
  const stored = storedOptOut(db, change.accountId, change.phoneNumber);
  const { call: addCall, text: addText } = channelsToAdd(stored, change.call, change.text);
  // Nothing added: nothing written, not even the reason, so the opt-out and its history keep agreeing.
  if (!addCall && !addText) return { call: false, text: false };
  db.prepare(
    `INSERT INTO opt_outs (account_id, phone_number, do_not_call, do_not_text, notes, source, created_by_user_id, opt_out_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(account_id, phone_number) DO UPDATE SET
       do_not_call = MAX(do_not_call, excluded.do_not_call),
       do_not_text = MAX(do_not_text, excluded.do_not_text),
       notes = CASE WHEN excluded.notes <> '' THEN excluded.notes ELSE notes END,
       source = excluded.source,
       created_by_user_id = excluded.created_by_user_id,
       opt_out_date = excluded.opt_out_date`,
  ).run(change.accountId, change.phoneNumber, change.call ? 1 : 0, change.text ? 1 : 0, change.notes ?? '', change.source, change.userId ?? null, change.at);
  recordEvent(db, 'OptOut', change, addCall, addText);
  updateContacts(db, change.accountId, change.phoneNumber, {
    ...(addCall ? { doNotCall: 1 as const } : {}),
    ...(addText ? { textStatus: 'OptedOut' as const } : {}),
  });
  return { call: addCall, text: addText };
}

/**
 * Lifts channels of a number's opt-out (opts it back in); the row goes when no channel is left. Returns what
 * still stands, or null when the number had no opt-out.
 */
export function optIn(
  db: SandboxDatabase,
  change: OptOutChange,
): { doNotCall: boolean; doNotText: boolean; deleted: boolean; lifted: { call: boolean; text: boolean } } | null {
  const stored = storedOptOut(db, change.accountId, change.phoneNumber);
  if (!stored) return null;
  const liftCall = change.call && stored.do_not_call === 1;
  const liftText = change.text && stored.do_not_text === 1;
  const doNotCall = stored.do_not_call === 1 && !liftCall;
  const doNotText = stored.do_not_text === 1 && !liftText;
  const deleted = !doNotCall && !doNotText && stored.global_opt_out !== 1;
  if (liftCall || liftText) {
    if (deleted) {
      db.prepare('DELETE FROM opt_outs WHERE account_id = ? AND phone_number = ?').run(change.accountId, change.phoneNumber);
    } else {
      db.prepare('UPDATE opt_outs SET do_not_call = ?, do_not_text = ? WHERE account_id = ? AND phone_number = ?').run(
        doNotCall ? 1 : 0,
        doNotText ? 1 : 0,
        change.accountId,
        change.phoneNumber,
      );
    }
    recordEvent(db, 'OptIn', change, liftCall, liftText);
    updateContacts(db, change.accountId, change.phoneNumber, {
      ...(liftCall ? { doNotCall: 0 as const } : {}),
      ...(liftText ? { textStatus: 'OptedIn' as const } : {}),
    });
  }
  return { doNotCall, doNotText, deleted, lifted: { call: liftCall, text: liftText } };
}

/** What the opt-out routes read and change, prepared once when the routes are made. */
export function optOutQueries(db: SandboxDatabase) {
  const byPhone = perRoster((viewer) =>
    db.prepare<[number, string], OptOutRow>(`SELECT ${OPT_OUT_SELECT} FROM ${optOutFrom(viewer)} WHERE o.account_id = ? AND o.phone_number = ?`),
  );
  return {
    /** A number's opt-out on the viewer's account, with the name from the viewer's roster. */
    byPhone: (viewer: AuthUser, phoneNumber: string) => byPhone(viewer).get(viewer.accountId, phoneNumber),
    /** optOut in a transaction of its own. */
    add: db.transaction((change: OptOutChange) => optOut(db, change)),
    /** optIn in a transaction of its own. */
    lift: db.transaction((change: OptOutChange) => optIn(db, change)),
  };
}
