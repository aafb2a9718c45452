import { describe, expect, it } from 'vitest';
import { audioAccess, formatCallingDays, formatTimeOfDay } from './user-summary.ts';

describe('user summaries', () => {
  it('writes times of day on a 12-hour clock', () => {
    expect(formatTimeOfDay({ Hour: 7, Minute: 0 })).toBe('7:00 AM');
    expect(formatTimeOfDay({ Hour: 19, Minute: 30 })).toBe('7:30 PM');
    expect(formatTimeOfDay({ Hour: 0, Minute: 5 })).toBe('12:05 AM');
  });

  it('shortens runs of calling days', () => {
    expect(formatCallingDays([])).toBe('Every day');
    expect(formatCallingDays(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])).toBe('Mon–Fri');
    expect(formatCallingDays(['Friday', 'Monday', 'Wednesday'])).toBe('Mon, Wed, Fri');
    expect(formatCallingDays(['Sunday', 'Monday', 'Saturday'])).toBe('Sun, Mon, Sat');
    expect(formatCallingDays(['Monday', 'Tuesday', 'Thursday', 'Friday', 'Saturday'])).toBe('Mon, Tue, Thu–Sat');
  });

  it('names audio access', () => {
    const none = { CanSeeAllBroadcasts: false, CanSeeAllRoster: false, CanSeeAllAudio: false, CanSeeGroupAudio: false };
    expect(audioAccess(none)).toBe('Own');
    expect(audioAccess({ ...none, CanSeeGroupAudio: true })).toBe('Shared');
    expect(audioAccess({ ...none, CanSeeAllAudio: true })).toBe('All');
  });
});
