import { describe, expect, it } from 'vitest';
import { finishTime, isWindowOpen, nextWindowOpening, windowClosing, type CallingWindow } from './calling-window.ts';

// Central time, 7:00-20:00, weekdays only.
const window: CallingWindow = { timeZone: 'America/Chicago', startMinute: 420, stopMinute: 1200, daysMask: 0b0111110, enforced: true };
const at = (iso: string) => Date.parse(iso);

describe('calling window', () => {
  it("is open inside the hours on an allowed day, in the window's own zone", () => {
    expect(isWindowOpen(window, at('2026-11-25T13:00:00Z'))).toBe(true); // Wed 7:00 CST
    expect(isWindowOpen(window, at('2026-11-25T12:59:00Z'))).toBe(false); // Wed 6:59 CST
    expect(isWindowOpen(window, at('2026-11-26T02:00:00Z'))).toBe(false); // Wed 20:00 CST
    expect(isWindowOpen(window, at('2026-11-28T16:00:00Z'))).toBe(false); // Saturday
  });

  it('finds the next opening, skipping excluded days', () => {
    expect(nextWindowOpening(window, at('2026-11-25T05:00:00Z'))).toBe(at('2026-11-25T13:00:00Z'));
    // Friday 21:00 CST -> Monday 7:00 CST
    expect(nextWindowOpening(window, at('2026-11-28T03:00:00Z'))).toBe(at('2026-11-30T13:00:00Z'));
  });

  it('knows when an open window closes', () => {
    expect(windowClosing(window, at('2026-11-25T15:00:00Z'))).toBe(at('2026-11-26T02:00:00Z'));
  });

  it('spreads long work over several days only when told to continue', () => {
    const start = at('2026-11-25T23:00:00Z'); // Wed 17:00 CST, 3 hours left
    const fiveHours = 5 * 3_600_000;
    expect(finishTime(window, start, fiveHours, false)).toBeNull();
    expect(finishTime(window, start, fiveHours, true)).toBe(at('2026-11-26T15:00:00Z')); // Thu 9:00 CST
  });

  it('never closes when not enforced', () => {
    const open = { ...window, enforced: false };
    expect(isWindowOpen(open, at('2026-11-28T16:00:00Z'))).toBe(true);
    expect(finishTime(open, 0, 1000, false)).toBe(1000);
  });

  it('handles the day DST ends', () => {
    // 2026-11-01: Central goes from CDT (-5) to CST (-6); 7:00 that Sunday is 13:00Z.
    const everyDay = { ...window, daysMask: 0b1111111 };
    expect(nextWindowOpening(everyDay, at('2026-11-01T08:00:00Z'))).toBe(at('2026-11-01T13:00:00Z'));
  });
});
