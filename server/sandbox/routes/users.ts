import { Hono } from 'hono';
import type { DayName, TimeOfDay } from '../../../src/contract/common.ts';
import {
  callingWindowProblem,
  defaultCallingSettings,
  userCreateInputSchema,
  userUpdateInputSchema,
  type UserUpdateInput,
} from '../../../src/contract/user-settings.ts';
import type { Permissions } from '../../../src/contract/user.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import { parseListQuery } from '../http/list-query.ts';
import { daysToMask, queryUserFeed, toApiUser, toDocumentedUser, userFeedSpec, userQueries, type UserRow, type UserSettingsRow } from '../model/users.ts';
import { hashPinCode } from '../pin-codes.ts';

const minutes = (time: TimeOfDay) => time.Hour * 60 + time.Minute;
const flag = (value: boolean) => (value ? 1 : 0);

const permissionColumns = {
  CanSeeAllBroadcasts: 'can_see_all_broadcasts',
  CanSeeAllRoster: 'can_see_all_roster',
  CanSeeAllAudio: 'can_see_all_audio',
  CanSeeGroupAudio: 'can_see_group_audio',
} as const satisfies Record<keyof Permissions, keyof UserRow>;

/** The settings after applying a (partial) input; fields the input leaves out keep their current value. */
function applySettings(
  current: UserSettingsRow,
  input: Omit<UserUpdateInput, 'CallingWindowDays'> & { CallingWindowDays?: readonly DayName[] },
): UserSettingsRow {
  const next: UserSettingsRow = { ...current };
  if (input.UserName !== undefined) next.user_name = input.UserName;
  if (input.FirstName !== undefined) next.first_name = input.FirstName;
  if (input.LastName !== undefined) next.last_name = input.LastName;
  if (input.Email !== undefined) next.email = input.Email;
  if (input.Phone !== undefined) next.phone = input.Phone;
  if (input.CallerID !== undefined) next.caller_id = input.CallerID;
  if (input.State !== undefined) next.state = input.State;
  if (input.Retries !== undefined) next.retries = input.Retries;
  if (input.MaxMessageLength !== undefined) next.max_message_length = input.MaxMessageLength;
  if (input.CallThrottle !== undefined) next.call_throttle = input.CallThrottle;
  if (input.ContinueOnNextDay !== undefined) next.continue_on_next_day = flag(input.ContinueOnNextDay);
  if (input.StartTimeOfDay !== undefined) next.start_minute = minutes(input.StartTimeOfDay);
  if (input.StopTimeOfDay !== undefined) next.stop_minute = minutes(input.StopTimeOfDay);
  if (input.CallingWindowDays !== undefined) next.calling_window_days = daysToMask(input.CallingWindowDays);
  for (const [name, column] of Object.entries(permissionColumns)) {
    const value = input.Permissions?.[name as keyof Permissions];
    if (value !== undefined) next[column] = flag(value);
  }
  return next;
}

function checkCallingWindow(settings: UserSettingsRow) {
  const toTime = (total: number) => ({ Hour: Math.floor(total / 60), Minute: total % 60 });
  const problem = callingWindowProblem(toTime(settings.start_minute), toTime(settings.stop_minute));
  if (problem) throw new SandboxError('ValidationFailed', `StopTimeOfDay: ${problem}`);
}

/** Only a flag that would change counts as changing Permissions: sending back what one has is harmless. */
function changesPermissions(current: UserRow, requested: Partial<Permissions>): boolean {
  return Object.entries(permissionColumns).some(([name, column]) => {
    const value = requested[name as keyof Permissions];
    return value !== undefined && flag(value) !== current[column];
  });
}

/**
 * Account users (§5, docs/decisions/0040-users-and-permissions.md): list, read, create (master users of accounts
 * allowed to create users), update (anyone their own settings but not their Permissions; masters anyone's).
 */
export function userRoutes({ db, clock }: SandboxDeps) {
  const users = userQueries(db);

  /** A user of the signed-in user's account; another account's answers 404, as if it did not exist. */
  const userOnAccount = (user: AuthUser, id: number) => {
    const row = users.byId(id);
    if (!row || row.account_id !== user.accountId) throw notFound('User', id);
    return row;
  };

  const ensureUserNameFree = (userName: string, exceptUserId?: number) => {
    const holder = users.idOfName(userName);
    if (holder !== undefined && holder !== exceptUserId) {
      throw new SandboxError('DuplicateUserName', `The user name ${userName} is taken. Choose another.`);
    }
  };

  return new Hono<SandboxEnv>()
    .get('/account/users', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      return c.json(queryUserFeed(db, user, url, parseListQuery(url, userFeedSpec, user.timeZone)));
    })
    .get('/account/users/:id{-?[0-9]+}', (c) => {
      const user = c.get('user');
      const row = userOnAccount(user, Number(c.req.param('id')));
      if (row.user_id !== user.userId && !user.isMaster) {
        throw new SandboxError('PermissionDenied', 'Only a master user may read other users of the account.');
      }
      return c.json(toApiUser(row));
    })
    .post('/account/users', async (c) => {
      const user = c.get('user');
      const account = users.accountForNewUsers(user.accountId);
      if (!user.isMaster) throw new SandboxError('PermissionDenied', 'Only a master user may create users.');
      if (account?.can_create_users !== 1) {
        throw new SandboxError('PermissionDenied', 'This account may not create users. Ask Call-Em-All support to allow it.');
      }
      const input = await readBody(c, userCreateInputSchema);
      const blank: UserSettingsRow = {
        user_name: input.UserName,
        first_name: '',
        last_name: '',
        email: '',
        phone: '',
        caller_id: account.phone,
        retries: 0,
        max_message_length: 0,
        call_throttle: 0,
        continue_on_next_day: 0,
        start_minute: 0,
        stop_minute: 0,
        calling_window_days: 0,
        state: account.state,
        // A permission flag left out is true: the seed's own example answers so (decision 0040).
        can_see_all_broadcasts: 1,
        can_see_all_roster: 1,
        can_see_all_audio: 1,
        can_see_group_audio: 1,
      };
      const defaults = applySettings(blank, defaultCallingSettings);
      const settings = applySettings(defaults, input);
      checkCallingWindow(settings);
      // Hashed first (off the event loop): what follows reads and writes without yielding in between.
      const pinHash = await hashPinCode(input.PinCode);
      ensureUserNameFree(settings.user_name);
      const userId = users.insert({ ...settings, account_id: user.accountId, pin_hash: pinHash, created_at: clock.now() });
      return c.json(toDocumentedUser(users.byId(userId)!));
    })
    .put('/account/users/:id{-?[0-9]+}', async (c) => {
      const user = c.get('user');
      const target = userOnAccount(user, Number(c.req.param('id')));
      const self = target.user_id === user.userId;
      if (!self && !user.isMaster) {
        throw new SandboxError('PermissionDenied', 'Only a master user may change other users of the account.');
      }
      const input = await readBody(c, userUpdateInputSchema);
      if (!user.isMaster && input.Permissions && changesPermissions(target, input.Permissions)) {
        throw new SandboxError('PermissionDenied', 'You may change your own settings but not your own Permissions. Ask a master user to change them.');
      }
      // Hashed first (off the event loop); the row is read again after it, so a change made meanwhile is kept.
      const pinHash = input.PinCode === undefined ? null : await hashPinCode(input.PinCode);
      const settings = applySettings(userOnAccount(user, target.user_id), input);
      checkCallingWindow(settings);
      if (input.UserName !== undefined) ensureUserNameFree(input.UserName, target.user_id);
      // A new PIN ends the user's other AuthTokens; the one that changed it goes on (decision 0112).
      users.update(target.user_id, settings, pinHash, c.get('authToken'));
      return c.json(toDocumentedUser(users.byId(target.user_id)!));
    });
}
