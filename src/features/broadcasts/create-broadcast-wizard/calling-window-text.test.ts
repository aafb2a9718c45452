import { describe, expect, it } from 'vitest';
import { describeCallingWindow, describeUnfinished } from './calling-window-text.ts';

const window = { StartTimeOfDay: { Hour: 7, Minute: 0 }, StopTimeOfDay: { Hour: 20, Minute: 30 } };

describe('describeCallingWindow', () => {
  it('says every day, weekdays, or names the days', () => {
    expect(describeCallingWindow({ ...window, CallingWindowDays: [] })).toBe('7:00 AM – 8:30 PM, every day');
    expect(describeCallingWindow({ ...window, CallingWindowDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] })).toBe(
      '7:00 AM – 8:30 PM on weekdays',
    );
    expect(describeCallingWindow({ ...window, CallingWindowDays: ['Friday', 'Monday'] })).toBe('7:00 AM – 8:30 PM on Mon, Fri');
  });
});

describe('describeUnfinished', () => {
  it('says the rest expire only when the broadcast does not continue the next day', () => {
    expect(describeUnfinished({ checkCallingWindow: true, continueOnNextDay: true })).not.toMatch(/expire/);
    expect(describeUnfinished({ checkCallingWindow: true, continueOnNextDay: true })).toMatch(/next day/);
    expect(describeUnfinished({ checkCallingWindow: true, continueOnNextDay: false })).toMatch(/expire/);
  });
});
