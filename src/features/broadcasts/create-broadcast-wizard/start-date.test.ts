import { describe, expect, it } from 'vitest';
import { convertLocal, describeStartTime, hasPassed, isTimeZone, localToInstant, nextQuarterHour, startZoneChoices, toApiStartDate } from './start-date.ts';

describe('StartDate', () => {
  it('writes the documented M/d/yyyy h:mmtt form', () => {
    expect(toApiStartDate('2020-02-01T13:15')).toBe('2/1/2020 1:15PM');
    expect(toApiStartDate('2026-12-24T00:05')).toBe('12/24/2026 12:05AM');
    expect(toApiStartDate('2026-07-04T12:00')).toBe('7/4/2026 12:00PM');
  });

  it('refuses what is not a date and time', () => {
    expect(() => toApiStartDate('tomorrow')).toThrow(RangeError);
  });

  it("reads the wall-clock time in the user's zone, whatever the browser's", () => {
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

  it('moves a wall-clock time to another zone, across a day and a DST change', () => {
    expect(convertLocal('2030-12-24T09:00', 'America/Los_Angeles', 'America/Chicago')).toBe('2030-12-24T11:00');
    expect(convertLocal('2030-12-24T23:30', 'America/Los_Angeles', 'America/New_York')).toBe('2030-12-25T02:30');
    // Arizona keeps standard time: in July it is Pacific's clock, in December Mountain's.
    expect(convertLocal('2030-07-04T09:00', 'America/Phoenix', 'America/Los_Angeles')).toBe('2030-07-04T09:00');
    expect(convertLocal('2030-12-24T09:00', 'America/Phoenix', 'America/Denver')).toBe('2030-12-24T09:00');
    expect(convertLocal('2030-12-24T09:00', 'America/Chicago', 'America/Chicago')).toBe('2030-12-24T09:00');
  });

  it("a start picked in another zone is sent as the user's wall-clock time", () => {
    // Picked 9:00 AM Pacific by a Texas user: the API, reading StartDate in Central Time, gets 11:00 AM.
    expect(toApiStartDate(convertLocal('2030-12-24T09:00', 'America/Los_Angeles', 'America/Chicago'))).toBe('12/24/2030 11:00AM');
  });

  it("offers the user's zone first and each US clock once", () => {
    const labels = (zone: string) => startZoneChoices(zone).map((choice) => choice.label);
    expect(labels('America/Chicago')).toEqual([
      'Central Time (your time zone)',
      'Eastern Time',
      'Mountain Time',
      'Mountain Standard Time (Arizona)',
      'Pacific Time',
      'Alaska Time',
      'Hawaii-Aleutian Standard Time',
    ]);
    // Boise keeps Denver's clock, so Mountain Time is not offered twice.
    expect(startZoneChoices('America/Boise').map((choice) => choice.zone)).not.toContain('America/Denver');
    expect(startZoneChoices('America/Boise')[0]).toEqual({ zone: 'America/Boise', label: 'Mountain Time (your time zone)' });
  });

  it("says a start in the zone it was picked in and in the user's", () => {
    expect(describeStartTime('2030-12-24T11:00', 'America/Chicago', 'America/Chicago')).toBe('Tue, Dec 24, 2030 11:00 AM Central Time');
    expect(describeStartTime('2030-12-24T11:00', 'America/Chicago', 'America/Los_Angeles')).toBe(
      'Tue, Dec 24, 2030 9:00 AM Pacific Time (11:00 AM Central Time, your time zone)',
    );
    expect(describeStartTime('2030-12-25T01:30', 'America/New_York', 'America/Los_Angeles')).toBe(
      'Tue, Dec 24, 2030 10:30 PM Pacific Time (Wed, Dec 25, 1:30 AM Eastern Time, your time zone)',
    );
  });

  it('knows a zone name from a made-up one', () => {
    expect(isTimeZone('America/Phoenix')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
