import { describe, expect, it } from 'vitest';
import { sendIsHeld } from './use-double-send-check.ts';

const state = { enabled: true, pending: false, fetching: false, matches: 0, sendAnyway: false };

describe('sendIsHeld', () => {
  it('holds Send while the check runs', () => {
    expect(sendIsHeld({ ...state, pending: true, fetching: true })).toBe(true);
  });

  it('holds Send for a look-alike until "Send it anyway" is ticked', () => {
    expect(sendIsHeld({ ...state, matches: 1 })).toBe(true);
    expect(sendIsHeld({ ...state, matches: 1, sendAnyway: true })).toBe(false);
  });

  it('lets Send go when nothing looks alike, when the check failed, and before the review step', () => {
    expect(sendIsHeld(state)).toBe(false);
    // A failed check is no longer pending and found nothing.
    expect(sendIsHeld({ ...state, pending: false, matches: 0 })).toBe(false);
    expect(sendIsHeld({ ...state, pending: true, fetching: false })).toBe(false);
    expect(sendIsHeld({ ...state, enabled: false, matches: 2 })).toBe(false);
  });
});
