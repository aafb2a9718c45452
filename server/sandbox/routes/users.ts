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
import { parseListQuery, queryFeed, type ListSpec } from '../http/list-query.ts';
import { USER_COLUMNS, daysToMask, toApiUser, toDocumentedUser, type UserRow } from '../model/users.ts';
import { endUserAuthTokens } from '../model/auth-tokens.ts';
import { hashPinCode } from '../pin-codes.ts';

/** A user's settings as columns, ready to be written (the row minus what never changes). */
type UserSettingsRow = Omit<UserRow, 'user_id' | 'account_id' | 'is_master'>;

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
  const userById = db.prepare<[number], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_id = ?`);
  const userIdByName = db.prepare<[string], { user_id: number }>('SELECT user_id FROM users WHERE user_name = ?');
  const accountById = db.prepare<[number], { can_create_users: number; state: string; phone: string }>(
    'SELECT can_create_users, state, phone FROM accounts WHERE account_id = ?',
  );
  const settingsSql = `user_name = @user_name, first_name = @first_name, last_name = @last_name, email = @email,
    phone = @phone, caller_id = @caller_id, retries = @retries, max_message_length = @max_message_length,
    call_throttle = @call_throttle, continue_on_next_day = @continue_on_next_day, start_minute = @start_minute,
    stop_minute = @stop_minute, calling_window_days = @calling_window_days, state = @state,
    can_see_all_broadcasts = @can_see_all_broadcasts, can_see_all_roster = @can_see_all_roster,
    can_see_all_audio = @can_see_all_audio, can_see_group_audio = @can_see_group_audio`;
  const updateUser = db.prepare<[UserSettingsRow & { user_id: number }]>(`UPDATE users SET ${settingsSql} WHERE user_id = @user_id`);
  const updatePin = db.prepare<[string, number]>('UPDATE users SET pin_hash = ? WHERE user_id = ?');
  const insertUser = db.prepare<[UserSettingsRow & { account_id: number; pin_hash: string; created_at: number }]>(`
    INSERT INTO users (account_id, pin_hash, created_at, user_name, first_name, last_name, email, phone, caller_id,
      retries, max_message_length, call_throttle, continue_on_next_day, start_minute, stop_minute, calling_window_days,
      state, can_see_all_broadcasts, can_see_all_roster, can_see_all_audio, can_see_group_audio)
    VALUES (@account_id, @pin_hash, @created_at, @user_name, @first_name, @last_name, @email, @phone, @caller_id,
      @retries, @max_message_length, @call_throttle, @continue_on_next_day, @start_minute, @stop_minute,
      @calling_window_days, @state, @can_see_all_broadcasts, @can_see_all_roster, @can_see_all_audio,
      @can_see_group_audio)`);

  const listSpec: ListSpec = {
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

  /** A user of the signed-in user's account; another account's answers 404, as if it did not exist. */
  const userOnAccount = (user: AuthUser, id: number) => {
    const row = userById.get(id);
    if (!row || row.account_id !== user.accountId) throw notFound('User', id);
    return row;
  };

  const ensureUserNameFree = (userName: string, exceptUserId?: number) => {
    const holder = userIdByName.get(userName);
    if (holder && holder.user_id !== exceptUserId) {
      throw new SandboxError('DuplicateUserName', `The user name ${userName} is taken. Choose another.`);
    }
  };

  return new Hono<SandboxEnv>()
    .get('/account/users', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, listSpec, user.timeZone);
      // Master users see the whole team; everyone else sees only themselves.
      const source = user.isMaster
        ? { from: 'users', where: ['account_id = ?'], params: [user.accountId], select: USER_COLUMNS }
        : { from: 'users', where: ['account_id = ?', 'user_id = ?'], params: [user.accountId, user.userId], select: USER_COLUMNS };
      return c.json(queryFeed(db, url, source, query, toApiUser));
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
      const account = accountById.get(user.accountId);
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
      const { lastInsertRowid } = insertUser.run({
        ...settings,
        account_id: user.accountId,
        pin_hash: pinHash,
        created_at: clock.now(),
      });
      return c.json(toDocumentedUser(userById.get(Number(lastInsertRowid))!));
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
      db.transaction(() => {
        updateUser.run({ ...settings, user_id: target.user_id });
        if (pinHash !== null) {
          updatePin.run(pinHash, target.user_id);
          // A new PIN ends the user's other AuthTokens; the one that changed it goes on (decision 0112).
          endUserAuthTokens(db, target.user_id, c.get('authToken'));
        }
      })();
      return c.json(toDocumentedUser(userById.get(target.user_id)!));
    });
}
