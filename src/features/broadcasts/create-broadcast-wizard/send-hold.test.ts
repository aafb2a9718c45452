import { afterEach, describe, expect, it } from 'vitest';
import { newDraft } from './broadcast-draft.ts';
import {
  countdownInWords,
  draftAfterUndo,
  dropHold,
  formatCountdown,
  heldIds,
  heldStart,
  holdOf,
  isHeld,
  keepHold,
  readHolds,
  secondsLeft,
  type SendHold,
} from './send-hold.ts';
import { testUser } from './test-user.ts';

afterEach(() => localStorage.clear());

describe('which sends are held', () => {
  it('holds a send now with a window on an API known to cancel, and nothing else', () => {
    expect(isHeld({ startMode: 'now', windowSeconds: 60, cancel: 'offered' })).toBe(true);
    expect(isHeld({ startMode: 'later', windowSeconds: 60, cancel: 'offered' })).toBe(false);
    expect(isHeld({ startMode: 'now', windowSeconds: 0, cancel: 'offered' })).toBe(false);
    expect(isHeld({ startMode: 'now', windowSeconds: 60, cancel: 'not-offered' })).toBe(false);
    // A probe that failed says nothing: the send is not held rather than held without a way to undo it.
    expect(isHeld({ startMode: 'now', windowSeconds: 60, cancel: 'unknown' })).toBe(false);
  });
});

describe('the held start', () => {
  // 14:30:20 in Chicago (CDT, UTC-5) on 2 June 2026.
  const now = Date.UTC(2026, 5, 2, 19, 30, 20);

  it("is the window later, rounded up to the whole minute, in the user's zone", () => {
    const { startsAt, startDate } = heldStart(now, 60, 'America/Chicago');
    expect(startsAt).toBe(Date.UTC(2026, 5, 2, 19, 32, 0));
    expect(startDate).toBe('6/2/2026 2:32PM');
    expect(heldStart(now, 60, 'America/New_York').startDate).toBe('6/2/2026 3:32PM');
  });

  it('is never shorter than the window, and at most a minute longer', () => {
    for (const window of [1, 30, 59, 60, 61, 600]) {
      const { startsAt } = heldStart(now, window, 'America/Chicago');
      expect(startsAt - now).toBeGreaterThanOrEqual(window * 1000);
      expect(startsAt - now).toBeLessThan(window * 1000 + 60_000);
    }
    expect(heldStart(Date.UTC(2026, 5, 2, 19, 30, 0), 60, 'America/Chicago').startsAt).toBe(Date.UTC(2026, 5, 2, 19, 31, 0));
  });
});

describe('the countdown', () => {
  it('counts whole seconds down to 0', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 20_000)).toBe(0);
  });

  it('reads as a clock and in words', () => {
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(countdownInWords(65)).toBe('1 minute 5 seconds');
    expect(countdownInWords(120)).toBe('2 minutes');
    expect(countdownInWords(1)).toBe('1 second');
    expect(countdownInWords(0)).toBe('0 seconds');
  });
});

describe('the hold and Undo', () => {
  const draft = { ...newDraft(testUser, 1000), type: { ...newDraft(testUser, 1000).type, name: 'Snow day' }, step: 4 };
  const hold: SendHold = { broadcastIds: [41, 42], startsAt: 120_000, name: 'Snow day', draft };

  it('cancels both halves of a combo, each once', () => {
    expect(heldIds(41, { CallBroadcastID: 41, TextBroadcastID: 42 })).toEqual([41, 42]);
    expect(heldIds(41, { CallBroadcastID: 0, TextBroadcastID: 0 })).toEqual([41]);
    expect(heldIds(41, {})).toEqual([41]);
  });

  it('brings the draft back as it was sent, with a new key so sending again is a new send', () => {
    const back = draftAfterUndo({ ...hold, draft: { ...draft, sentBroadcastId: 41 } }, 'new-key');
    expect(back).toEqual({ ...draft, idempotencyKey: 'new-key', sentBroadcastId: null, savedAt: back.savedAt });
    expect(back.idempotencyKey).not.toBe(draft.idempotencyKey);
  });

  it('is kept per user, found by either half, and dropped by either', () => {
    keepHold(1, hold, 0);
    expect(holdOf(1, 42, 0)).toEqual(hold);
    expect(holdOf(2, 42, 0)).toBeNull();
    dropHold(1, 41, 0);
    expect(holdOf(1, 42, 0)).toBeNull();
  });

  it('is forgotten ten minutes after its start, and a stored value it cannot read is left out', () => {
    keepHold(1, hold, 0);
    expect(readHolds(1, 120_000 + 10 * 60_000)).toHaveLength(1);
    expect(readHolds(1, 120_000 + 10 * 60_000 + 1)).toHaveLength(0);
    localStorage.setItem('callboard:send-holds:1', JSON.stringify([{ ...hold, broadcastIds: ['x'] }, hold, 'nonsense']));
    expect(readHolds(1, 0)).toEqual([hold]);
    localStorage.setItem('callboard:send-holds:1', '{not json');
    expect(readHolds(1, 0)).toEqual([]);
  });
});
