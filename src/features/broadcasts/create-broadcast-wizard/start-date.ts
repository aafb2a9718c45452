import { dayjs } from '@/utils/dayjs.ts';

/** The wall-clock time the user picked, `YYYY-MM-DDTHH:mm`, in their own time zone. */
export type LocalDateTime = string;

/**
 * The API's StartDate form, `M/d/yyyy h:mmtt` (e.g. `2/1/2020 1:15PM`), read by the API in the user's time zone
 * (docs/decisions/0005-time-zones-and-dates.md): the wall-clock time is sent as it is, with no conversion.
 */
export function toApiStartDate(local: LocalDateTime): string {
  const parsed = dayjs(local, 'YYYY-MM-DDTHH:mm', true);
  if (!parsed.isValid()) throw new RangeError(`Not a date and time: ${local}`);
  return parsed.format('M/D/YYYY h:mmA');
}

/** The epoch time of a wall-clock time in a zone. */
export function localToInstant(local: LocalDateTime, timeZone: string): number {
  return dayjs.tz(local, 'YYYY-MM-DDTHH:mm', timeZone).valueOf();
}

/** Now, as a wall-clock time in a zone, rounded up to the next quarter hour (a sensible "later"). */
export function nextQuarterHour(timeZone: string, now: number = Date.now()): LocalDateTime {
  const local = dayjs(now).tz(timeZone);
  const minutes = local.minute();
  return local
    .add(15 - (minutes % 15), 'minute')
    .second(0)
    .format('YYYY-MM-DDTHH:mm');
}

/** Whether a wall-clock time in a zone is now or already past. */
export function hasPassed(local: LocalDateTime, timeZone: string, now: number = Date.now()): boolean {
  return localToInstant(local, timeZone) <= now;
}
