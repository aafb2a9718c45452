import { dayNames, type DayName } from '../../../src/contract/common.ts';
import type { NamedUserStub, User } from '../../../src/contract/user.ts';
import type { SandboxDatabase } from '../db/database.ts';

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

/** The reads and writes of `users` the routes make, prepared once when the routes are made. */
export function userQueries(db: SandboxDatabase) {
  const credentialsByName = db.prepare<[string], { user_id: number; pin_hash: string }>('SELECT user_id, pin_hash FROM users WHERE user_name = ?');
  return {
    /** The user a login names, with the PIN's hash to check. */
    credentialsOf: (userName: string) => credentialsByName.get(userName),
  };
}
