/**
 * API timestamps (`yyyy-MM-dd HH:mm:ss[.fff]±hhmm`) are already in the user's time zone (docs/decisions/
 * 0005-time-zones-and-dates.md): show their wall-clock time as it is, whatever zone the browser is in.
 */

import { appNow } from './app-clock.ts';

const API_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?([+-])(\d{2})(\d{2})$/;

export interface ParsedApiDate {
  /** The absolute moment. */
  instant: Date;
  /** The wall-clock time, encoded as a UTC date so Intl can print it with timeZone 'UTC'. */
  wallClock: Date;
  offsetMinutes: number;
}

export function parseApiDate(value: string | null | undefined): ParsedApiDate | null {
  const match = value ? API_DATE.exec(value) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms = '0', sign, oh, om] = match;
  const wallClock = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, Number(ms.padEnd(3, '0'))));
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return { wallClock, instant: new Date(wallClock.getTime() - offsetMinutes * 60_000), offsetMinutes };
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });

/** "May 25, 2017, 5:54 PM"; an empty string for null or malformed input. */
export function formatApiDateTime(value: string | null | undefined): string {
  const parsed = parseApiDate(value);
  return parsed ? dateTimeFormat.format(parsed.wallClock) : '';
}

/** "May 25, 2017". */
export function formatApiDay(value: string | null | undefined): string {
  const parsed = parseApiDate(value);
  return parsed ? dateFormat.format(parsed.wallClock) : '';
}

/** "5:54 PM". */
export function formatApiTime(value: string | null | undefined): string {
  const parsed = parseApiDate(value);
  return parsed ? timeFormat.format(parsed.wallClock) : '';
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** "3 minutes ago", "in 2 hours", "yesterday", relative to `now` (epoch ms). */
export function formatApiRelative(value: string | null | undefined, now: number = appNow()): string {
  const parsed = parseApiDate(value);
  if (!parsed) return '';
  const seconds = Math.round((parsed.instant.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return formatApiDay(value);
}
