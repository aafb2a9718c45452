import { describe, expect, it } from 'vitest';
import { rangeEndingToday } from './usage-range.ts';

describe('rangeEndingToday', () => {
  it("counts days back from today in the user's zone", () => {
    // 03:00 UTC on March 1st is still February 29th in Texas (a leap year).
    const now = new Date('2024-03-01T03:00:00Z');
    expect(rangeEndingToday(7, 'America/Chicago', now)).toEqual({ dateFrom: '2024-02-23', dateTo: '2024-02-29' });
    expect(rangeEndingToday(1, 'America/New_York', now)).toEqual({ dateFrom: '2024-02-29', dateTo: '2024-02-29' });
    expect(rangeEndingToday(30, 'Europe/Berlin', now)).toEqual({ dateFrom: '2024-02-01', dateTo: '2024-03-01' });
  });
});
