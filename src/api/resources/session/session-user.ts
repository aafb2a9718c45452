import { defaultCallingSettings } from '@contract/calling-defaults.ts';
import type { SessionUser, User } from '@contract/user.ts';
import { isApiError } from '@/api/api-error.ts';

/**
 * The signed-in user with every setting present, for pages that start from the user's settings (the broadcast
 * wizard). When the API's user route gave nothing (decision 0113), the settings a new user gets stand in; the API
 * still applies the user's real ones and permissions to whatever is sent.
 */
export function withSettingDefaults(user: SessionUser): User {
  return {
    FirstName: '',
    LastName: '',
    Email: '',
    Phone: '',
    CallerID: '',
    State: '',
    ...defaultCallingSettings,
    CallingWindowDays: [...defaultCallingSettings.CallingWindowDays],
    Permissions: { CanSeeAllBroadcasts: false, CanSeeAllRoster: false, CanSeeAllAudio: false, CanSeeGroupAudio: false },
    // What the session knows wins; what it does not (absent, or null) keeps the stand-in.
    ...(Object.fromEntries(Object.entries(user).filter(([, value]) => value !== null && value !== undefined)) as Partial<User>),
    UserID: user.UserID,
    UserName: user.UserName,
  };
}

/**
 * Whether to offer what only master users may do. The session may not know (decision 0113: the user route is
 * inferred), so only a user the API named "not a master user" loses those features; for the rest the API decides,
 * and its 403 is answered with `masterOnlySentence`.
 */
export function mayManageUsers(user: Pick<SessionUser, 'IsMasterUser'> | null | undefined): boolean {
  return user !== null && user !== undefined && user.IsMasterUser !== false;
}

/** Only a user the API named a master user (for what the app itself must not offer on a guess). */
export function isKnownMasterUser(user: Pick<SessionUser, 'IsMasterUser'> | null | undefined): boolean {
  return user?.IsMasterUser === true;
}

/** The API refused because this user is not a master user (or lacks the right): shown in place, not as an error. */
export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}
