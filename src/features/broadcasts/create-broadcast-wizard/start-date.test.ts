import { describe, expect, it } from 'vitest';
import { hasPassed, localToInstant, nextQuarterHour, toApiStartDate } from './start-date.ts';

describe('StartDate', () => {
  it('writes the documented M/d/yyyy h:mmtt form', () => {
    expect(toApiStartDate('2020-02-01T13:15')).toBe('2/1/2020 1:15PM');
    expect(toApiStartDate('2026-12-24T00:05')).toBe('12/24/2026 12:05AM');
    expect(toApiStartDate('2026-07-04T12:00')).toBe('7/4/2026 12:00PM');
  });

  it('refuses what is not a date and time', () => {
    expect(() => toApiStartDate('tomorrow')).toThrow(RangeError);
  });

  it('reads the wall-clock time in the user\'s zone, whatever the browser\'s', () => {
    expect(new Date(localToInstant('2026-12-24T09:00', 'America/Chicago')).toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(new Date(localToInstant('2026-07-04T09:00', 'America/Los_Angeles')).toISOString()).toBe('2026-07-04T16:00:00.000Z');
    expect(new Date(localToInstant('2026-07-04T09:00', 'America/Phoenix')).toISOString()).toBe('2026-07-04T16:00:00.000Z');
  });

  it('suggests the next quarter hour in the zone', () => {
    expect(nextQuarterHour('America/New_York', Date.parse('2026-11-27T14:07:30Z'))).toBe('2026-11-27T09:15');
    expect(nextQuarterHour('America/New_York', Date.parse('2026-11-27T14:15:00Z'))).toBe('2026-11-27T09:30');
  });

  it('knows a time that has passed in the zone', () => {
    const now = Date.parse('2026-11-27T15:00:00Z'); // 9:00 in Chicago
    expect(hasPassed('2026-11-27T08:59', 'America/Chicago', now)).toBe(true);
    expect(hasPassed('2026-11-27T09:00', 'America/Chicago', now)).toBe(true);
    expect(hasPassed('2026-11-27T09:01', 'America/Chicago', now)).toBe(false);
    expect(hasPassed('2026-11-27T09:30', 'America/New_York', now)).toBe(true);
  });
});
