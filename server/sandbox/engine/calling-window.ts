import { zonedParts, zonedTimeToEpoch } from '../time.ts';

/** When calls may go out: minutes of the day and weekdays, in a time zone; `enforced` false means always. */
export interface CallingWindow {
  timeZone: string;
  /** Minutes after local midnight, e.g. 420 for 7:00. */
  startMinute: number;
  stopMinute: number;
  /** Bit 0 = Sunday … bit 6 = Saturday. */
  daysMask: number;
  enforced: boolean;
}

/** The calling window a broadcast keeps in its row (`broadcasts` columns). */
export function callingWindowOf(row: {
  time_zone: string;
  start_minute: number;
  stop_minute: number;
  calling_window_days: number;
  check_calling_window: number;
}): CallingWindow {
  return {
    timeZone: row.time_zone,
    startMinute: row.start_minute,
    stopMinute: row.stop_minute,
    daysMask: row.calling_window_days,
    enforced: row.check_calling_window === 1,
  };
}

const DAY_MS = 86_400_000;

function localDayStart(epochMs: number, timeZone: string, dayOffset: number) {
  const parts = zonedParts(epochMs, timeZone);
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + dayOffset));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

const atMinute = (day: { year: number; month: number; day: number }, minute: number, timeZone: string) =>
  zonedTimeToEpoch({ ...day, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);

export function isWindowOpen(window: CallingWindow, at: number): boolean {
  if (!window.enforced) return true;
  const parts = zonedParts(at, window.timeZone);
  const minute = parts.hour * 60 + parts.minute;
  return (window.daysMask & (1 << parts.weekday)) !== 0 && minute >= window.startMinute && minute < window.stopMinute;
}

/** The first moment at or after `at` when calls may go out (null if the window never opens: no days allowed). */
export function nextWindowOpening(window: CallingWindow, at: number): number | null {
  if (isWindowOpen(window, at)) return at;
  if ((window.daysMask & 0b1111111) === 0 || window.startMinute >= window.stopMinute) return null;
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = localDayStart(at, window.timeZone, offset);
    if ((window.daysMask & (1 << day.weekday)) === 0) continue;
    const opening = atMinute(day, window.startMinute, window.timeZone);
    if (opening >= at) return opening;
  }
  return null;
}

/** When the window that is open at `at` closes (Infinity when the window is not enforced). */
export function windowClosing(window: CallingWindow, at: number): number {
  if (!window.enforced) return Number.POSITIVE_INFINITY;
  return atMinute(localDayStart(at, window.timeZone, 0), window.stopMinute, window.timeZone);
}

/**
 * When `workMs` of calling that starts at `start` is done, spreading it over the window's open hours (or, with
 * `continueNextDay` false, null when it does not fit in the first opening).
 */
export function finishTime(window: CallingWindow, start: number, workMs: number, continueNextDay: boolean): number | null {
  let remaining = workMs;
  let cursor = nextWindowOpening(window, start);
  for (let days = 0; cursor !== null && days < 366; days += 1) {
    const closing = windowClosing(window, cursor);
    if (cursor + remaining <= closing) return cursor + remaining;
    if (!continueNextDay) return null;
    remaining -= closing - cursor;
    cursor = nextWindowOpening(window, closing + 1);
  }
  return null;
}

export const WINDOW_DAY_MS = DAY_MS;
