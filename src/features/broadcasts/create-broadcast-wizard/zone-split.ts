import type { TimeOfDay } from '@contract/common.ts';
import { dayjs, timeZoneName } from '@/utils/dayjs.ts';
import { draftLimits, type BroadcastDraft } from './broadcast-draft.ts';
import { countedZones, minutesOf, zoneWindow, zonesOfNumber, type SendingHours } from './recipient-zones.ts';
import { LOCAL_FORMAT, localToInstant } from './start-date.ts';

/*
 * "Send in each zone at a local time" (decision 0198): the recipients split by the clock they live on, one broadcast
 * for each clock, each scheduled for the same local time there, linked by a record on our server.
 */

/** A recipient as a part sends them: inline, with what merge fields read. */
export interface SplitPerson {
  FirstName: string;
  LastName: string;
  PrimaryPhone: string;
  Notes: string;
  IntegrationData: string;
}

/** A part's start must be this far ahead when it is sent, or the parts move to the next day. */
export const SPLIT_LEAD_MS = 2 * 60_000;

/** The most people a split sends inline: beyond it the parts' requests grow past what a create should carry. */
export const SPLIT_LIMIT = 10_000;

const pad = (value: number) => String(value).padStart(2, '0');
const localAt = (day: string, time: TimeOfDay) => `${day}T${pad(time.Hour)}:${pad(time.Minute)}`;

/**
 * The local time every part starts at: the draft's own start time of day (in the user's zone) when a broadcast
 * starting then and lasting `durationMinutes` stays inside the sending hours, else the start of the sending hours.
 */
export function splitLocalStart(start: number, userZone: string, durationMinutes: number, hours: SendingHours): TimeOfDay {
  const local = dayjs(start).tz(userZone);
  const time = { Hour: local.hour(), Minute: local.minute() };
  const fits = minutesOf(time) >= minutesOf(hours.start) && minutesOf(time) + durationMinutes <= minutesOf(hours.end);
  return fits ? time : hours.start;
}

/**
 * The first day, from the draft's start day (or today, if that has passed) on, on which the local start is still ahead
 * in every zone: the parts go out on one calendar day.
 */
export function splitDay(fromDay: string, localStart: TimeOfDay, zones: readonly string[], notBefore: number, userZone: string): string {
  const today = dayjs(notBefore).tz(userZone).format('YYYY-MM-DD');
  let day = dayjs(fromDay < today ? today : fromDay, 'YYYY-MM-DD');
  // Each zone's start is at most a day away from the user's: two days always find one.
  for (let tries = 0; tries < 3; tries += 1) {
    const date = day.format('YYYY-MM-DD');
    if (zones.every((zone) => localToInstant(localAt(date, localStart), zone) > notBefore)) return date;
    day = day.add(1, 'day');
  }
  return day.format('YYYY-MM-DD');
}

export interface ZonePart {
  /** One zone of the part's clock, the one most of its people are in. */
  zone: string;
  /** "Central Time". */
  zoneName: string;
  people: SplitPerson[];
  /** When the part starts: the local start on the day, in `zone`. */
  startsAt: number;
}

/**
 * The zone a person's part is for. A number whose area code spans two clocks goes with the later (western) one when
 * its start also keeps the earlier inside the sending hours, else with whichever does; a number with no known zone
 * goes with the user's own.
 */
function zoneFor(digits: string, userZone: string, startIn: (zone: string) => number, durationMinutes: number, hours: SendingHours): string {
  const zones = countedZones(zonesOfNumber(digits), startIn(userZone));
  if (zones.length === 0) return userZone;
  // The later clock starts its local time at the later instant.
  const westernFirst = [...zones].sort((a, b) => startIn(b) - startIn(a));
  const keepsAllInside = (zone: string) => zones.every((other) => !zoneWindow(other, startIn(zone), durationMinutes, hours).outside);
  return westernFirst.find(keepsAllInside) ?? westernFirst[0]!;
}

/**
 * The people split by the clock their primary number lives on, one part a clock (zones keeping the same time that
 * day are one part), the earliest start first.
 */
export function splitByZone(
  people: readonly SplitPerson[],
  options: { day: string; localStart: TimeOfDay; userZone: string; durationMinutes: number; hours: SendingHours },
): ZonePart[] {
  const { day, localStart, userZone, durationMinutes, hours } = options;
  // Worked out once a zone: converting a wall-clock time is slow, and thousands of people share a few zones.
  const starts = new Map<string, number>();
  const startIn = (zone: string) => {
    let start = starts.get(zone);
    if (start === undefined) starts.set(zone, (start = localToInstant(localAt(day, localStart), zone)));
    return start;
  };
  const byStart = new Map<number, Map<string, SplitPerson[]>>();
  for (const person of people) {
    const zone = zoneFor(person.PrimaryPhone, userZone, startIn, durationMinutes, hours);
    const startsAt = startIn(zone);
    const zones = byStart.get(startsAt) ?? new Map<string, SplitPerson[]>();
    const inZone = zones.get(zone);
    if (inZone) inZone.push(person);
    else zones.set(zone, [person]);
    byStart.set(startsAt, zones);
  }
  return [...byStart]
    .sort(([a], [b]) => a - b)
    .map(([startsAt, zones]) => {
      const [zone] = [...zones].sort(([, a], [, b]) => b.length - a.length)[0]!;
      return { zone, zoneName: timeZoneName(zone, new Date(startsAt)), people: [...zones.values()].flat(), startsAt };
    });
}

/** A part's broadcast name: the draft's, with its zone ("Snow day (Central Time)"), within the name's limit. */
export function partName(name: string, zoneName: string): string {
  const suffix = ` (${zoneName})`;
  return `${name
    .trim()
    .slice(0, draftLimits.name - suffix.length)
    .trimEnd()}${suffix}`;
}

/**
 * A part as a draft of its own: the draft's message and settings, the part's people sent inline (so merge fields and
 * fallbacks work as before), named for its zone and scheduled for its start, as a wall-clock time in the user's zone.
 */
export function partDraftOf(draft: BroadcastDraft, part: ZonePart, userZone: string): BroadcastDraft {
  return {
    ...draft,
    type: { ...draft.type, name: partName(draft.type.name, part.zoneName) },
    // One entry a number: each is a primary number of its own here.
    recipients: {
      ...draft.recipients,
      lists: [],
      contacts: [],
      pasted: '',
      files: [],
      primaryOnly: true,
      carried: { label: part.zoneName, people: part.people },
    },
    schedule: { ...draft.schedule, startMode: 'later', startLocal: dayjs(part.startsAt).tz(userZone).format(LOCAL_FORMAT), startZone: userZone },
  };
}

/** The draft set to go out one broadcast a time zone at a local time, or back to one broadcast (`null`). */
export function withZoneSplit(draft: BroadcastDraft, split: { localStart: TimeOfDay } | null): BroadcastDraft {
  return {
    ...draft,
    zoneSplit: split === null ? null : { localStart: split.localStart, groupId: crypto.randomUUID(), fixedDay: null, attempts: {}, sent: {} },
  };
}

/** The instant a split's local start falls on in a zone. */
export const splitStartIn = (split: { localStart: TimeOfDay; day: string }, zone: string) => localToInstant(localAt(split.day, split.localStart), zone);

/** A part's clock, as the draft records it: its start instant (one a clock, since the parts share a day and a time). */
export const clockOf = (part: Pick<ZonePart, 'startsAt'>) => String(part.startsAt);

/**
 * A part's idempotency key: the group, the part's clock and its refusals so far. Every tab, and every later Send,
 * makes the same key for the same part, so our server answers a repeat with the part already made.
 */
export const partKey = (groupId: string, part: Pick<ZonePart, 'startsAt'>, refusals: number) => `${groupId}_${clockOf(part)}_${refusals}`;

/** The draft's start day (its wall-clock start is in the user's zone, decision 0158), or today when it starts now. */
export function startDayOf(schedule: BroadcastDraft['schedule'], userZone: string, now: number): string {
  const later = schedule.startMode === 'later' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(schedule.startLocal);
  return later ? schedule.startLocal.slice(0, 10) : dayjs(now).tz(userZone).format('YYYY-MM-DD');
}

/** The day the parts go out on: fixed at the first Send, else the draft's start day or the next that fits. */
export function partsDay(draft: BroadcastDraft, zones: readonly string[], userZone: string, now: number): string {
  const split = draft.zoneSplit!;
  return split.fixedDay ?? splitDay(startDayOf(draft.schedule, userZone, now), split.localStart, zones, now + SPLIT_LEAD_MS, userZone);
}
