import { describe, expect, it } from 'vitest';
import { formatApiDate, zonedParts } from './time.ts';

/** What Intl says of an instant in a zone, field by field: the reference the quarter-hour cache must agree with. */
function reference(epochMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(epochMs));
  const value = (type: string) => parts.find((part) => part.type === type)!.value;
  return {
    year: Number(value('year')),
    month: Number(value('month')),
    day: Number(value('day')),
    hour: Number(value('hour')),
    minute: Number(value('minute')),
    second: Number(value('second')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(value('weekday')),
  };
}

const zones = [
  'America/Chicago',
  'America/New_York',
  'America/Phoenix',
  'Pacific/Honolulu',
  'America/Anchorage',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Europe/London',
];

describe('zonedParts', () => {
  it('agrees with Intl at every instant around the 2026 daylight-saving changes', () => {
    // Chicago springs forward at 08:00 UTC on 8 March and falls back at 07:00 UTC on 1 November.
    for (const change of [Date.UTC(2026, 2, 8, 8), Date.UTC(2026, 10, 1, 7)]) {
      for (let epochMs = change - 3_600_000; epochMs <= change + 3_600_000; epochMs += 59_999) {
        expect(zonedParts(epochMs, 'America/Chicago'), new Date(epochMs).toISOString()).toMatchObject(reference(epochMs, 'America/Chicago'));
      }
    }
  });

  it('agrees with Intl at random instants from 1970 to 2040 in zones with odd offsets and changes', () => {
    let seed = 20261127;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let sample = 0; sample < 3000; sample += 1) {
      const epochMs = Math.floor(random() * Date.UTC(2040, 0, 1));
      const zone = zones[sample % zones.length]!;
      expect(zonedParts(epochMs, zone), `${zone} ${new Date(epochMs).toISOString()}`).toMatchObject(reference(epochMs, zone));
    }
  });

  it('writes the offset into API dates', () => {
    expect(formatApiDate(Date.UTC(2026, 0, 15, 18, 30, 5), 'America/Chicago')).toBe('2026-01-15 12:30:05-0600');
    expect(formatApiDate(Date.UTC(2026, 6, 15, 18, 30, 5), 'America/Chicago')).toBe('2026-07-15 13:30:05-0500');
    expect(formatApiDate(Date.UTC(2026, 6, 15, 18, 30, 5, 42), 'Asia/Kathmandu', true)).toBe('2026-07-16 00:15:05.042+0545');
  });
});
