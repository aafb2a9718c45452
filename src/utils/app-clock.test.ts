import { afterEach, describe, expect, it, vi } from 'vitest';
import { appNow, followBrowserClock, followClock } from './app-clock.ts';
import { formatApiRelative } from './format-date.ts';

afterEach(() => {
  followBrowserClock();
  vi.useRealTimers();
});

describe('the clock the app follows', () => {
  it("is the browser's until told otherwise", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    expect(appNow()).toBe(Date.parse('2026-12-07T12:00:00Z'));
  });

  it("follows the sandbox's clock, at its speed", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    followClock('2026-12-08T04:00:00Z', 2);
    vi.advanceTimersByTime(60_000);
    expect(new Date(appNow()).toISOString()).toBe('2026-12-08T04:02:00.000Z');
  });

  it('is the "now" of relative times', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    // An API time 16 hours after the browser's now: "in 16 hours" until the app follows the sandbox's clock.
    expect(formatApiRelative('2026-12-08 04:00:00+0000')).toBe('in 16 hours');
    followClock('2026-12-08T04:00:00Z');
    expect(formatApiRelative('2026-12-08 04:00:00+0000')).toBe('just now');
  });
});
