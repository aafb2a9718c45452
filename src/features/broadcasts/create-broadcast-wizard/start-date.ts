import { dayjs, timeZoneName } from '@/utils/dayjs.ts';

/** The wall-clock time the user picked, `YYYY-MM-DDTHH:mm`, in their own time zone. */
export type LocalDateTime = string;
export const LOCAL_FORMAT = 'YYYY-MM-DDTHH:mm';

/**
 * The API's StartDate form, `M/d/yyyy h:mmtt` (e.g. `2/1/2020 1:15PM`), read by the API in the user's time zone
 * (docs/decisions/0005-time-zones-and-dates.md): the wall-clock time is sent as it is, with no conversion.
 */
export function toApiStartDate(local: LocalDateTime): string {
  const parsed = dayjs(local, LOCAL_FORMAT, true);
  if (!parsed.isValid()) throw new RangeError(`Not a date and time: ${local}`);
  return parsed.format('M/D/YYYY h:mmA');
}

/** The epoch time of a wall-clock time in a zone. */
export function localToInstant(local: LocalDateTime, timeZone: string): number {
  return dayjs.tz(local, LOCAL_FORMAT, timeZone).valueOf();
}

/** Now, as a wall-clock time in a zone, rounded up to the next quarter hour (a sensible "later"). */
export function nextQuarterHour(timeZone: string, now: number = Date.now()): LocalDateTime {
  const local = dayjs(now).tz(timeZone);
  const minutes = local.minute();
  return local
    .add(15 - (minutes % 15), 'minute')
    .second(0)
    .format(LOCAL_FORMAT);
}

/** Whether a wall-clock time in a zone is now or already past. */
export function hasPassed(local: LocalDateTime, timeZone: string, now: number = Date.now()): boolean {
  return localToInstant(local, timeZone) <= now;
}

/** Whether the browser knows a zone by this name (a hand-edited or foreign one would make dayjs throw). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

/** The same moment as a wall-clock time in another zone. */
export function convertLocal(local: LocalDateTime, fromZone: string, toZone: string): LocalDateTime {
  return fromZone === toZone ? local : dayjs.tz(local, LOCAL_FORMAT, fromZone).tz(toZone).format(LOCAL_FORMAT);
}

/** The US zones a start can be picked in: one for each rule the states follow (see `stateTimeZones`). */
const US_TIME_ZONES: ReadonlyArray<{ zone: string; where?: string }> = [
  { zone: 'America/New_York' },
  { zone: 'America/Chicago' },
  { zone: 'America/Denver' },
  { zone: 'America/Phoenix', where: 'Arizona' },
  { zone: 'America/Los_Angeles' },
  { zone: 'America/Anchorage' },
  { zone: 'Pacific/Honolulu' },
];

export interface ZoneChoice {
  zone: string;
  label: string;
}

/**
 * The zones offered for a start, the user's own first. A zone named like the user's (Boise is Mountain Time,
 * Indianapolis Eastern Time) keeps the same clock, so it is not offered twice.
 */
export function startZoneChoices(userZone: string): ZoneChoice[] {
  const own = timeZoneName(userZone);
  return [
    { zone: userZone, label: `${own} (your time zone)` },
    ...US_TIME_ZONES.filter(({ zone }) => zone !== userZone && timeZoneName(zone) !== own).map(({ zone, where }) => ({
      zone,
      label: where ? `${timeZoneName(zone)} (${where})` : timeZoneName(zone),
    })),
  ];
}

/** The user's own clock for a start picked in another zone: the time alone on the same day, with the date otherwise. */
export function userClockText(userLocal: LocalDateTime, userZone: string, startZone: string): string {
  const picked = dayjs(convertLocal(userLocal, userZone, startZone), LOCAL_FORMAT);
  const own = dayjs(userLocal, LOCAL_FORMAT);
  return `${own.format(picked.isSame(own, 'day') ? 'h:mm A' : 'ddd, MMM D, h:mm A')} ${timeZoneName(userZone)}`;
}

/**
 * A picked start in words, in the zone it was picked in and, when that is not the user's, in theirs too (the time
 * the API is sent), e.g. "Tue, Dec 24, 2030 9:00 AM Pacific Time (11:00 AM Central Time, your time zone)".
 */
export function describeStartTime(userLocal: LocalDateTime, userZone: string, startZone: string): string {
  const picked = dayjs(convertLocal(userLocal, userZone, startZone), LOCAL_FORMAT);
  const first = `${picked.format('ddd, MMM D, YYYY h:mm A')} ${timeZoneName(startZone)}`;
  return startZone === userZone ? first : `${first} (${userClockText(userLocal, userZone, startZone)}, your time zone)`;
}
