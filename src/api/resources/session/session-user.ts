import { defaultCallingSettings } from '@contract/user-settings.ts';
import type { SessionUser, User } from '@contract/user.ts';

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
