import { appNow } from '@/utils/app-clock.ts';
import { todayInZone } from '@/utils/us-states.ts';

/** The `days` calendar days ending today in the user's zone, as the usage report takes them. */
export function rangeEndingToday(days: number, timeZone: string, now: Date = new Date(appNow())) {
  const dateTo = todayInZone(timeZone, now);
  const [year, month, day] = dateTo.split('-').map(Number) as [number, number, number];
  const dateFrom = new Date(Date.UTC(year, month - 1, day - (days - 1))).toISOString().slice(0, 10);
  return { dateFrom, dateTo };
}
