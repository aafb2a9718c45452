import { dayNames, type DayName } from '@contract/common.ts';
import type { User } from '@contract/user.ts';
import { MISSING } from '@/utils/missing.ts';

const clock = (time: { Hour: number; Minute: number } | null) =>
  time === null
    ? MISSING
    : new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, time.Hour, time.Minute)));

const WEEKDAYS: DayName[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** "7:00 AM – 8:00 PM, every day" / "… on weekdays" / "… Mon, Wed, Fri". */
export function describeCallingWindow(user: Pick<User, 'StartTimeOfDay' | 'StopTimeOfDay' | 'CallingWindowDays'>): string {
  const days = user.CallingWindowDays;
  const hours = `${clock(user.StartTimeOfDay)} – ${clock(user.StopTimeOfDay)}`;
  if (days.length === 0 || days.length === 7) return `${hours}, every day`;
  if (days.length === 5 && WEEKDAYS.every((day) => days.includes(day))) return `${hours} on weekdays`;
  return `${hours} on ${dayNames
    .filter((day) => days.includes(day))
    .map((day) => day.slice(0, 3))
    .join(', ')}`;
}

/**
 * What happens to the people not reached when the calling window closes, as the draft's own settings decide it: the
 * warning never says "expire" while the draft continues the next day.
 */
export function describeUnfinished(schedule: { checkCallingWindow: boolean; continueOnNextDay: boolean }): string {
  return schedule.checkCallingWindow && schedule.continueOnNextDay
    ? 'Not everyone can be reached before the calling window closes; the rest are called when it opens the next day.'
    : 'Not everyone can be reached before the calling window closes; the rest will expire. Turn on “continue the next day” to reach them.';
}
