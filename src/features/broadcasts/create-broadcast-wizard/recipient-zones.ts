import type { TimeOfDay } from '@contract/common.ts';
import { dayjs, timeZoneName } from '@/utils/dayjs.ts';
import { LOCAL_FORMAT, type LocalDateTime } from './start-date.ts';
import phoneTimeZones from './phone-time-zones.json' with { type: 'json' };

/*
 * Recipient-local quiet hours (decisions 0180-0183): each number's time zone from its prefix (Google's libphonenumber
 * data, scripts/phone-time-zones.mjs), the recipients grouped by the clock they live on, the local time a broadcast
 * would start and end for each group, and the earliest start that keeps everyone inside the account's sending hours.
 */

/** The account's sending hours, local to each recipient: outside them are the quiet hours. */
export interface SendingHours {
  start: TimeOfDay;
  end: TimeOfDay;
}

const prefixZones = new Map<string, readonly string[]>();
for (const [zones, prefixes] of phoneTimeZones.zones as Array<[string, string]>) {
  const list = zones.split('&');
  for (const prefix of prefixes.split(' ')) prefixZones.set(prefix, list);
}
const LONGEST_PREFIX = Math.max(...[...prefixZones.keys()].map((prefix) => prefix.length));

/**
 * Every zone libphonenumber gives a 10-digit US number (the longest known prefix decides: most area codes have one
 * zone, some are split by exchange); none for a number it does not place.
 */
export function zonesOfNumber(digits: string): readonly string[] {
  for (let length = Math.min(LONGEST_PREFIX, digits.length); length >= 3; length -= 1) {
    const zones = prefixZones.get(digits.slice(0, length));
    if (zones) return zones;
  }
  return [];
}

/** Minutes a zone's clock is ahead of UTC at a moment. */
const offsetAt = (zone: string, at: number) => dayjs(at).tz(zone).utcOffset();

/**
 * The zones a number counts in: its earliest and latest clock (an area code spanning Mountain and Pacific Time counts
 * in both: whatever holds for those two holds for any zone between them); one when they keep the same time.
 */
export function countedZones(zones: readonly string[], at: number): string[] {
  if (zones.length <= 1) return [...zones];
  const byOffset = [...zones].sort((a, b) => offsetAt(a, at) - offsetAt(b, at));
  const earliest = byOffset[0]!;
  const latest = byOffset[byOffset.length - 1]!;
  return offsetAt(earliest, at) === offsetAt(latest, at) ? [earliest] : [earliest, latest];
}

export interface ZoneGroup {
  /** One zone of the group, for its clock (America/Toronto and America/New_York keep the same time). */
  zone: string;
  /** "Eastern Time": the name of the group's zone with the most numbers. */
  name: string;
  /** The names of the group's other zones, on the same clock then ("Mountain Standard Time", Arizona, beside Denver). */
  alsoNames: string[];
  /** Numbers counted in this zone (a number of a multi-zone area code counts in two). */
  count: number;
}

export interface ZoneCount {
  /** Groups by clock, from the earliest to the latest local time (Hawaii first, Eastern last). */
  groups: ZoneGroup[];
  /** Numbers whose zone is not known (not placed by the data). */
  unknown: number;
  /** Numbers counted in two zones. */
  spanning: number;
}

/**
 * Groups numbers by the clock their zones keep at a moment (the start): what matters is the local time they are
 * reached at, so zones on the same clock then (Phoenix and Denver in winter) are one group.
 */
export function groupByZone(numbers: Iterable<string>, at: number): ZoneCount {
  const groups = new Map<number, { zones: Map<string, { name: string; count: number }>; count: number }>();
  let unknown = 0;
  let spanning = 0;
  for (const number of numbers) {
    const zones = countedZones(zonesOfNumber(number), at);
    if (zones.length === 0) unknown += 1;
    if (zones.length > 1) spanning += 1;
    for (const zone of zones) {
      const offset = offsetAt(zone, at);
      const group = groups.get(offset) ?? { zones: new Map(), count: 0 };
      const named = group.zones.get(zone) ?? { name: timeZoneName(zone, new Date(at)), count: 0 };
      named.count += 1;
      group.count += 1;
      group.zones.set(zone, named);
      groups.set(offset, group);
    }
  }
  return {
    groups: [...groups]
      .sort(([a], [b]) => a - b)
      .map(([, group]) => {
        const byCount = [...group.zones].sort(([, a], [, b]) => b.count - a.count || a.name.localeCompare(b.name));
        const [zone, { name }] = byCount[0]!;
        const alsoNames = [...new Set(byCount.map(([, named]) => named.name))].filter((other) => other !== name);
        return { zone, name, alsoNames, count: group.count };
      }),
    unknown,
    spanning,
  };
}

/** Minutes since midnight of a time of day. */
export const minutesOf = (time: TimeOfDay) => time.Hour * 60 + time.Minute;

/** A broadcast's start and end as a zone's wall-clock times, and whether any of it falls in that zone's quiet hours. */
export interface ZoneWindow {
  start: LocalDateTime;
  end: LocalDateTime;
  outside: boolean;
}

/**
 * Where a broadcast starting at `start` and lasting `durationMinutes` falls on a zone's clock. It is outside the
 * sending hours when it starts before their start, ends after their end, or runs past midnight.
 */
export function zoneWindow(zone: string, start: number, durationMinutes: number, hours: SendingHours): ZoneWindow {
  const from = wallClock(zone, start);
  const to = wallClock(zone, start + durationMinutes * 60_000);
  const outside = from.minutes < minutesOf(hours.start) || to.day !== from.day || to.minutes > minutesOf(hours.end);
  return { start: from.local, end: to.local, outside };
}

// dayjs' zone conversion is slow for the week of quarter hours `earliestStartInside` tries: one formatter a zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, at: number): { local: LocalDateTime; day: string; minutes: number } {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(at).map(({ type, value }) => [type, value]));
  const day = `${part.year}-${part.month}-${part.day}`;
  return { local: `${day}T${part.hour}:${part.minute}`, day, minutes: Number(part.hour) * 60 + Number(part.minute) };
}

/** The granularity of a suggested start: the schedule step's picker and "later" work in quarter hours. */
const STEP_MINUTES = 15;
/** How far ahead a start is looked for; a broadcast that fits no day of a week fits none. */
const SEARCH_DAYS = 8;

/**
 * The earliest quarter hour at or after `notBefore` at which a broadcast lasting `durationMinutes` starts and ends
 * inside the sending hours in every zone; null when none does (the zones are too far apart for its length).
 */
export function earliestStartInside(zones: readonly string[], notBefore: number, durationMinutes: number, hours: SendingHours): number | null {
  const step = STEP_MINUTES * 60_000;
  const first = Math.ceil(notBefore / step) * step;
  for (let candidate = first; candidate < first + SEARCH_DAYS * 86_400_000; candidate += step) {
    if (zones.every((zone) => !zoneWindow(zone, candidate, durationMinutes, hours).outside)) return candidate;
  }
  return null;
}

/** "8:00 AM", or "Tue 8:00 AM" when the day is not `sameDayAs`'s. */
export function clockText(local: LocalDateTime, sameDayAs: LocalDateTime): string {
  const time = dayjs(local, LOCAL_FORMAT);
  return time.format(time.isSame(dayjs(sameDayAs, LOCAL_FORMAT), 'day') ? 'h:mm A' : 'ddd h:mm A');
}

/** "8:00 AM" for a time of day. */
export const timeOfDayText = (time: TimeOfDay): string => dayjs().hour(time.Hour).minute(time.Minute).format('h:mm A');

/** The one-click fix: the draft scheduled for a wall-clock time in the user's zone (the zone it is shown in stays). */
export function withStartAt<Draft extends { schedule: { startMode: 'now' | 'later'; startLocal: string } }>(draft: Draft, startLocal: LocalDateTime): Draft {
  return { ...draft, schedule: { ...draft.schedule, startMode: 'later', startLocal } };
}
