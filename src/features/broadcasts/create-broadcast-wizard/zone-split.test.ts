import { describe, expect, it } from 'vitest';
import { dayjs } from '@/utils/dayjs.ts';
import { newDraft } from './broadcast-draft.ts';
import { localToInstant } from './start-date.ts';
import { testUser } from './test-user.ts';
import { partDraftOf, partKey, partName, partsDay, splitByZone, splitDay, splitLocalStart, withZoneSplit, type SplitPerson } from './zone-split.ts';

const hours = { start: { Hour: 8, Minute: 0 }, end: { Hour: 21, Minute: 0 } };
const person = (PrimaryPhone: string, FirstName = ''): SplitPerson => ({ FirstName, LastName: '', PrimaryPhone, Notes: '', IntegrationData: '' });
const at = (local: string, zone: string) => localToInstant(local, zone);
const CENTRAL = 'America/Chicago';

describe('the local time each part starts at', () => {
  it("is the draft's own time of day when it fits the sending hours", () => {
    expect(splitLocalStart(at('2030-12-24T10:30', CENTRAL), CENTRAL, 60, hours)).toEqual({ Hour: 10, Minute: 30 });
  });

  it('is the start of the sending hours when the draft starts in quiet hours or would run past their end', () => {
    expect(splitLocalStart(at('2030-12-24T07:00', CENTRAL), CENTRAL, 0, hours)).toEqual({ Hour: 8, Minute: 0 });
    expect(splitLocalStart(at('2030-12-24T20:30', CENTRAL), CENTRAL, 60, hours)).toEqual({ Hour: 8, Minute: 0 });
  });
});

describe('the day the parts start on', () => {
  const eight = { Hour: 8, Minute: 0 };
  it('stays when the time is ahead in every zone', () => {
    expect(splitDay('2030-12-24', eight, ['America/New_York', 'Pacific/Honolulu'], at('2030-12-24T06:00', CENTRAL), CENTRAL)).toBe('2030-12-24');
  });

  it('starts from today when the day asked for has passed, and always ends on a day ahead', () => {
    // Split on Dec 1, sent on Dec 8 at 7:30 AM in Texas: Dec 8 has passed in New York, so Dec 9.
    const day = splitDay('2030-12-01', eight, ['America/New_York', 'Pacific/Honolulu'], at('2030-12-08T07:30', CENTRAL), CENTRAL);
    expect(day).toBe('2030-12-09');
  });

  it('moves to the next day when the time has passed in any zone: every part goes out on one day', () => {
    // 7:30 AM in Texas is 8:30 AM in New York: 8:00 AM has passed there, not in Hawaii.
    expect(splitDay('2030-12-24', eight, ['America/New_York', 'Pacific/Honolulu'], at('2030-12-24T07:30', CENTRAL), CENTRAL)).toBe('2030-12-25');
  });
});

describe('the people split by clock', () => {
  const options = { day: '2030-12-24', localStart: { Hour: 8, Minute: 0 }, userZone: CENTRAL, durationMinutes: 30, hours };

  it('makes one part a clock, the earliest start first, each at 8:00 AM its time', () => {
    const parts = splitByZone([person('8085550104'), person('2125550101'), person('2135550103'), person('2145550102'), person('9175550100')], options);
    expect(parts.map((part) => [part.zoneName, part.people.length])).toEqual([
      ['Eastern Time', 2],
      ['Central Time', 1],
      ['Pacific Time', 1],
      ['Hawaii-Aleutian Standard Time', 1],
    ]);
    for (const part of parts) expect(dayjs(part.startsAt).tz(part.zone).format('YYYY-MM-DD HH:mm')).toBe('2030-12-24 08:00');
  });

  it('puts zones on the same clock that day in one part, named for the zone most of its people are in', () => {
    // In winter Phoenix keeps Denver's time.
    const parts = splitByZone([person('6025550100'), person('3035550100'), person('3035550101')], options);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.zone).toBe('America/Denver');
    expect(parts[0]!.people).toHaveLength(3);
  });

  it("sends a number with no known zone with the user's own", () => {
    const parts = splitByZone([person('9995550100', 'Nowhere')], options);
    expect(parts.map((part) => part.zone)).toEqual([CENTRAL]);
  });

  it('sends a number of an area code spanning two clocks with the later one when that keeps the earlier inside', () => {
    // 208-200: Boise (Mountain) or Pacific. 8:00 AM Pacific is 9:00 AM Mountain: inside both.
    const [part] = splitByZone([person('2082000100')], options);
    expect(part!.zone).toBe('America/Los_Angeles');
  });

  it('sends it with the earlier one when the later would run past the end of the hours there', () => {
    // 8:00 PM Pacific is 9:00 PM Mountain: past the end there. 8:00 PM Mountain for an hour is inside both clocks.
    const [part] = splitByZone([person('2082000100')], { ...options, localStart: { Hour: 20, Minute: 0 }, durationMinutes: 60 });
    expect(part!.zone).toBe('America/Boise');
  });
});

describe('a part as a draft', () => {
  it('is named for its zone, within the name limit', () => {
    expect(partName('Snow day ', 'Central Time')).toBe('Snow day (Central Time)');
    const long = partName('x'.repeat(100), 'Hawaii-Aleutian Standard Time');
    expect(long).toHaveLength(100);
    expect(long.endsWith(' (Hawaii-Aleutian Standard Time)')).toBe(true);
  });

  it("sends the part's people inline, scheduled for its start as a wall-clock time in the user's zone", () => {
    const draft = newDraft(testUser);
    const withLists = {
      ...draft,
      type: { ...draft.type, name: 'Snow day' },
      recipients: { ...draft.recipients, lists: [{ id: 1, name: 'All', count: 2 }], pasted: '2125550101' },
    };
    const [eastern] = splitByZone([person('2125550101', 'Ada')], {
      day: '2030-12-24',
      localStart: { Hour: 8, Minute: 0 },
      userZone: CENTRAL,
      durationMinutes: 0,
      hours,
    });
    const part = partDraftOf(withLists, eastern!, CENTRAL);
    expect(part.type.name).toBe('Snow day (Eastern Time)');
    expect(part.recipients.lists).toEqual([]);
    expect(part.recipients.pasted).toBe('');
    expect(part.recipients.carried?.people.map((entry) => entry.FirstName)).toEqual(['Ada']);
    // 8:00 AM in New York is 7:00 AM in Texas.
    expect(part.schedule).toMatchObject({ startMode: 'later', startLocal: '2030-12-24T07:00', startZone: CENTRAL });
  });
});

describe('the key of a part', () => {
  it('is the same for the same group, clock and refusals, in any tab, and new after a refusal', () => {
    const part = { startsAt: at('2030-12-24T08:00', 'America/New_York') };
    expect(partKey('group-1', part, 0)).toBe(partKey('group-1', { ...part }, 0));
    expect(partKey('group-1', part, 1)).not.toBe(partKey('group-1', part, 0));
    expect(partKey('group-2', part, 0)).not.toBe(partKey('group-1', part, 0));
    // Our server takes keys of letters, digits, - and _, 8 to 100 long.
    expect(partKey(crypto.randomUUID(), part, 12)).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
  });
});

describe('the day the parts go out on', () => {
  it("follows the draft's start until the first Send fixes it", () => {
    const draft = newDraft(testUser);
    const scheduled = { ...draft, schedule: { ...draft.schedule, startMode: 'later' as const, startLocal: '2030-12-24T07:00' } };
    const split = withZoneSplit(scheduled, { localStart: { Hour: 8, Minute: 0 } });
    const now = at('2030-12-20T12:00', CENTRAL);
    expect(partsDay(split, ['America/New_York'], CENTRAL, now)).toBe('2030-12-24');
    const moved = { ...split, schedule: { ...split.schedule, startLocal: '2030-12-28T07:00' } };
    expect(partsDay(moved, ['America/New_York'], CENTRAL, now)).toBe('2030-12-28');
    const fixed = { ...moved, zoneSplit: { ...moved.zoneSplit!, fixedDay: '2030-12-24' } };
    expect(partsDay(fixed, ['America/New_York'], CENTRAL, now)).toBe('2030-12-24');
  });
});
