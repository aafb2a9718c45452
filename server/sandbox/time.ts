/**
 * Dates on the wire: responses carry `yyyy-MM-dd HH:mm:ss±hhmm` in the user's time zone; requests send
 * `StartDate` as `M/d/yyyy h:mmtt` in that same zone. Internally every time is epoch milliseconds.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  /** minutes east of UTC */
  offsetMinutes: number;
}

/** A zone's offset, read from Intl, at one instant (minutes east of UTC). */
function offsetAt(epochMs: number, timeZone: string): number {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  return Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** Zone offsets change on quarter hours (UTC) at most; one Intl call answers a whole quarter hour. */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsetsByQuarter = new Map<string, number>();

function zoneOffset(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${timeZone} ${quarter}`;
  const known = offsetsByQuarter.get(key);
  if (known !== undefined) return known;
  const start = offsetAt(quarter * QUARTER_HOUR_MS, timeZone);
  // A quarter hour whose ends disagree holds a change off the quarter (old rules): asked about each time.
  if (start !== offsetAt((quarter + 1) * QUARTER_HOUR_MS - 1, timeZone)) return offsetAt(epochMs, timeZone);
  if (offsetsByQuarter.size >= 10_000) offsetsByQuarter.clear();
  offsetsByQuarter.set(key, start);
  return start;
}

export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const offsetMinutes = zoneOffset(epochMs, timeZone);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
    offsetMinutes,
  };
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

export function formatApiDate(epochMs: number, timeZone: string, withMilliseconds = false): string {
  const p = zonedParts(epochMs, timeZone);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(Math.abs(p.offsetMinutes) / 60))}${pad(Math.abs(p.offsetMinutes) % 60)}`;
  const fraction = withMilliseconds ? `.${pad(((epochMs % 1000) + 1000) % 1000, 3)}` : '';
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${offset}`;
}

export function formatApiDateOrNull(epochMs: number | null | undefined, timeZone: string): string | null {
  return epochMs === null || epochMs === undefined ? null : formatApiDate(epochMs, timeZone);
}

/** The epoch time of a wall-clock time in a zone (the earlier one when a DST change makes it ambiguous). */
export function zonedTimeToEpoch(local: { year: number; month: number; day: number; hour: number; minute: number; second?: number }, timeZone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const first = guess - zonedParts(guess, timeZone).offsetMinutes * 60000;
  const second = guess - zonedParts(first, timeZone).offsetMinutes * 60000;
  return Math.min(first, second);
}

/** Parses the request form `M/d/yyyy h:mmtt` (e.g. `2/1/2020 1:15PM`) in a zone; null when malformed. */
export function parseStartDate(value: string, timeZone: string): number | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*([AaPp][Mm])\s*$/.exec(value);
  if (!match) return null;
  const [, month, day, year, hour12, minute, meridiem] = match.map(String) as string[];
  const h = Number(hour12);
  const m = Number(minute);
  if (h < 1 || h > 12 || m > 59) return null;
  const hour = (h % 12) + (meridiem!.toUpperCase() === 'PM' ? 12 : 0);
  const parts = { year: Number(year), month: Number(month), day: Number(day), hour, minute: m };
  const probe = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (probe.getUTCMonth() !== parts.month - 1 || probe.getUTCDate() !== parts.day) return null;
  return zonedTimeToEpoch(parts, timeZone);
}

/**
 * Parses a filter date: `yyyy-MM-dd`, `yyyy-MM-dd HH:mm[:ss]` or `yyyy-MM-ddTHH:mm[:ss]` in the zone, or a full
 * ISO time with an offset. `endOfDay` makes a bare date mean its last millisecond (inclusive upper bounds).
 */
export function parseFilterDate(value: string, timeZone: string, endOfDay = false): number | null {
  const trimmed = value.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const parts = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
    const probe = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
    if (probe.getUTCMonth() !== parts.month - 1 || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
    const start = zonedTimeToEpoch(parts, timeZone);
    if (endOfDay && h === undefined) {
      const next = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + 1));
      return zonedTimeToEpoch({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone) - 1;
    }
    return start;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
