import { dayNames, type DayName, type TimeOfDay } from '@contract/common.ts';
import type { User } from '@contract/user.ts';
import { MISSING, textOr } from '@/utils/missing.ts';

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** 7:00 -> "7:00 AM". */
export function formatTimeOfDay(time: TimeOfDay | null): string {
  return time === null ? MISSING : timeFormat.format(new Date(Date.UTC(2000, 0, 1, time.Hour, time.Minute)));
}

const short = (day: DayName) => day.slice(0, 3);

/**
 * The calling days as people say them: "Every day", "Mon–Fri", "Mon, Wed, Fri". Runs of three or more days in a
 * row (Sunday first, as the API counts) are shortened to a range.
 */
export function formatCallingDays(days: readonly DayName[]): string {
  const chosen = dayNames.filter((day) => days.includes(day));
  if (chosen.length === 0 || chosen.length === 7) return 'Every day';
  const runs: DayName[][] = [];
  for (const day of chosen) {
    const run = runs.at(-1);
    if (run && dayNames.indexOf(run.at(-1)!) === dayNames.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length >= 3 ? `${short(run[0]!)}–${short(run.at(-1)!)}` : run.map(short).join(', '))).join(', ');
}

export const fullName = (user: Pick<User, 'FirstName' | 'LastName' | 'UserName'>) =>
  `${user.FirstName ?? ''} ${user.LastName ?? ''}`.trim() || textOr(user.UserName);

/** What each permission lets a user see, in the words the forms and the grid use. */
export const permissionLabels = {
  CanSeeAllBroadcasts: { label: 'See all broadcasts', description: "Every broadcast on the account, not only the user's own." },
  CanSeeAllRoster: { label: 'See all contacts', description: 'Every contact and list on the account.' },
  CanSeeAllAudio: { label: 'See all audio', description: 'Every recording and text-to-speech message on the account.' },
  CanSeeGroupAudio: { label: 'See shared audio', description: 'Audio that colleagues share with the team.' },
} as const;

/** Audio visibility in one word (docs/decisions/0042-audio-library.md). */
export function audioAccess(permissions: User['Permissions']): 'All' | 'Shared' | 'Own' {
  if (permissions?.CanSeeAllAudio) return 'All';
  return permissions?.CanSeeGroupAudio ? 'Shared' : 'Own';
}
