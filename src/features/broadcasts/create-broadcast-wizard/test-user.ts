import type { User } from '@contract/user.ts';

/** A Texas user with their own delivery defaults, for the wizard's unit tests. */
export const testUser = {
  UserID: 1,
  UserName: 'u',
  FirstName: 'Luke',
  LastName: 'S',
  Email: '',
  Phone: '',
  CallerID: '2027075000',
  Retries: 2,
  MaxMessageLength: 90,
  CallThrottle: 5,
  ContinueOnNextDay: true,
  StartTimeOfDay: { Hour: 7, Minute: 0 },
  StopTimeOfDay: { Hour: 20, Minute: 0 },
  CallingWindowDays: [],
  State: 'TX',
  Permissions: { CanSeeAllBroadcasts: true, CanSeeAllRoster: true, CanSeeAllAudio: true, CanSeeGroupAudio: true },
} satisfies User;
