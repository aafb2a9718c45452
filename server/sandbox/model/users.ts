import { dayNames, type DayName } from '../../../src/contract/common.ts';
import type { NamedUserStub, User } from '../../../src/contract/user.ts';
import type { Feed } from '../../../src/contract/feed.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { endUserAuthTokens } from './auth-tokens.ts';

export interface UserRow {
  user_id: number;
  account_id: number;
  user_name: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  caller_id: string;
  retries: number;
  max_message_length: number;
  call_throttle: number;
  continue_on_next_day: number;
  start_minute: number;
  stop_minute: number;
  calling_window_days: number;
  state: string;
  is_master: number;
  can_see_all_broadcasts: number;
  can_see_all_roster: number;
  can_see_all_audio: number;
  can_see_group_audio: number;
}

export const ALL_DAYS_MASK = 0b1111111;

/** Day names to a bitmask (bit 0 = Sunday); an empty list means every day, as documented. */
export function daysToMask(days: readonly DayName[]): number {
  if (days.length === 0) return ALL_DAYS_MASK;
  return days.reduce((mask, day) => mask | (1 << dayNames.indexOf(day)), 0);
}

export function maskToDays(mask: number): DayName[] {
  return dayNames.filter((_, index) => (mask & (1 << index)) !== 0);
}

const timeOfDay = (minutes: number) => ({ Hour: Math.floor(minutes / 60), Minute: minutes % 60 });

/**
 * A user exactly as the seed's Create User and Update User Settings answers show one: the same fields, in the same
 * order (docs/decisions/0040-users-and-permissions.md).
 */
export function toDocumentedUser(row: UserRow): User {
  return {
    UserID: row.user_id,
    UserName: row.user_name,
    FirstName: row.first_name,
    LastName: row.last_name,
    Email: row.email,
    Phone: row.phone,
    CallerID: row.caller_id,
    Retries: row.retries,
    MaxMessageLength: row.max_message_length,
    CallThrottle: row.call_throttle,
    ContinueOnNextDay: row.continue_on_next_day === 1,
    StartTimeOfDay: timeOfDay(row.start_minute),
    StopTimeOfDay: timeOfDay(row.stop_minute),
    CallingWindowDays: maskToDays(row.calling_window_days),
    State: row.state,
    Permissions: {
      CanSeeAllBroadcasts: row.can_see_all_broadcasts === 1,
      CanSeeAllRoster: row.can_see_all_roster === 1,
      CanSeeAllAudio: row.can_see_all_audio === 1,
      CanSeeGroupAudio: row.can_see_group_audio === 1,
    },
  };
}

/** A user as reads answer one: the documented fields plus the self link of user stubs and `IsMasterUser`. */
export function toApiUser(row: UserRow): User {
  return { Uri: `/v1/account/users/${row.user_id}`, ...toDocumentedUser(row), IsMasterUser: row.is_master === 1 };
}

export const USER_COLUMNS = `user_id, account_id, user_name, first_name, last_name, email, phone, caller_id, retries,
  max_message_length, call_throttle, continue_on_next_day, start_minute, stop_minute, calling_window_days, state,
  is_master, can_see_all_broadcasts, can_see_all_roster, can_see_all_audio, can_see_group_audio`;

/** A linked user with the name to show, from joined columns; null when no user is linked. */
export function namedUserStub(userId: number | null, firstName: string | null, lastName: string | null): NamedUserStub | null {
  return userId === null ? null : { Uri: `/v1/account/users/${userId}`, UserID: userId, FirstName: firstName ?? '', LastName: lastName ?? '' };
}

/** A user's settings as columns, ready to be written (the row minus what never changes). */
export type UserSettingsRow = Omit<UserRow, 'user_id' | 'account_id' | 'is_master'>;

/** Filters, sorts and search of the account's users feed. */
export const userFeedSpec: ListSpec = {
  fields: {
    UserID: { sql: 'user_id', type: 'integer' },
    UserName: { sql: 'user_name', type: 'string' },
    FirstName: { sql: 'first_name', type: 'string' },
    LastName: { sql: 'last_name', type: 'string' },
    Email: { sql: 'email', type: 'string' },
    State: { sql: 'state', type: 'string' },
    IsMasterUser: { sql: 'is_master', type: 'boolean' },
  },
  defaultSort: 'last_name COLLATE NOCASE, first_name COLLATE NOCASE',
  tieBreaker: 'user_id',
  search: (term) => ({
    sql: `instr(lower(first_name || ' ' || last_name || ' ' || user_name || ' ' || email), lower(?)) > 0`,
    params: [term],
  }),
};

/** One page of the account's users: master users see the whole team; everyone else sees only themselves. */
export function queryUserFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<User> {
  const source = user.isMaster
    ? { from: 'users', where: ['account_id = ?'], params: [user.accountId], select: USER_COLUMNS }
    : { from: 'users', where: ['account_id = ?', 'user_id = ?'], params: [user.accountId, user.userId], select: USER_COLUMNS };
  return queryFeed(db, url, source, query, toApiUser);
}

const SETTINGS_SQL = `user_name = @user_name, first_name = @first_name, last_name = @last_name, email = @email,
    phone = @phone, caller_id = @caller_id, retries = @retries, max_message_length = @max_message_length,
    call_throttle = @call_throttle, continue_on_next_day = @continue_on_next_day, start_minute = @start_minute,
    stop_minute = @stop_minute, calling_window_days = @calling_window_days, state = @state,
    can_see_all_broadcasts = @can_see_all_broadcasts, can_see_all_roster = @can_see_all_roster,
    can_see_all_audio = @can_see_all_audio, can_see_group_audio = @can_see_group_audio`;

/** The reads and writes of `users` the routes make, prepared once when the routes are made. */
export function userQueries(db: SandboxDatabase) {
  const credentialsByName = db.prepare<[string], { user_id: number; pin_hash: string }>('SELECT user_id, pin_hash FROM users WHERE user_name = ?');
  const userById = db.prepare<[number], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_id = ?`);
  const userIdByName = db.prepare<[string], { user_id: number }>('SELECT user_id FROM users WHERE user_name = ?');
  const accountById = db.prepare<[number], { can_create_users: number; state: string; phone: string }>(
    'SELECT can_create_users, state, phone FROM accounts WHERE account_id = ?',
  );
  const updateUser = db.prepare<[UserSettingsRow & { user_id: number }]>(`UPDATE users SET ${SETTINGS_SQL} WHERE user_id = @user_id`);
  const updatePin = db.prepare<[string, number]>('UPDATE users SET pin_hash = ? WHERE user_id = ?');
  const insertUser = db.prepare<[UserSettingsRow & { account_id: number; pin_hash: string; created_at: number }]>(`
    INSERT INTO users (account_id, pin_hash, created_at, user_name, first_name, last_name, email, phone, caller_id,
      retries, max_message_length, call_throttle, continue_on_next_day, start_minute, stop_minute, calling_window_days,
      state, can_see_all_broadcasts, can_see_all_roster, can_see_all_audio, can_see_group_audio)
    VALUES (@account_id, @pin_hash, @created_at, @user_name, @first_name, @last_name, @email, @phone, @caller_id,
      @retries, @max_message_length, @call_throttle, @continue_on_next_day, @start_minute, @stop_minute,
      @calling_window_days, @state, @can_see_all_broadcasts, @can_see_all_roster, @can_see_all_audio,
      @can_see_group_audio)`);
  const updateWithPin = db.transaction((userId: number, settings: UserSettingsRow, pinHash: string | null, keepAuthToken: string) => {
    updateUser.run({ ...settings, user_id: userId });
    if (pinHash !== null) {
      updatePin.run(pinHash, userId);
      // A new PIN ends the user's other AuthTokens; the one that changed it goes on (decision 0112).
      endUserAuthTokens(db, userId, keepAuthToken);
    }
  });

  return {
    /** The user a login names, with the PIN's hash to check. */
    credentialsOf: (userName: string) => credentialsByName.get(userName),
    byId: (userId: number) => userById.get(userId),
    /** The user who holds a user name, if anyone does. */
    idOfName: (userName: string) => userIdByName.get(userName)?.user_id,
    /** What an account lets its new users be and have: whether it may create them, its State and phone. */
    accountForNewUsers: (accountId: number) => accountById.get(accountId),
    /** Adds a user; answers the new UserID. */
    insert: (row: UserSettingsRow & { account_id: number; pin_hash: string; created_at: number }) => Number(insertUser.run(row).lastInsertRowid),
    /** Writes a user's settings and, with a new PIN's hash, the PIN, ending the user's AuthTokens but `keepAuthToken`: one transaction. */
    update: (userId: number, settings: UserSettingsRow, pinHash: string | null, keepAuthToken: string) =>
      updateWithPin(userId, settings, pinHash, keepAuthToken),
  };
}
