import { describe, expect, it } from 'vitest';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { furthestReachableStep, stepToShow } from './step-reach.ts';
import { testUser } from './test-user.ts';

/** A text broadcast filled in up to (not including) the given step. */
function filledBefore(step: number): BroadcastDraft {
  const draft = newDraft(testUser, 1000);
  return {
    ...draft,
    step,
    type: { ...draft.type, name: step > 0 ? 'Snow day' : '', channel: 'text' },
    recipients: { ...draft.recipients, pasted: step > 1 ? '2145550143' : '' },
    message: { ...draft.message, textMessage: step > 2 ? 'School is closed today.' : '' },
    schedule: { ...draft.schedule, retries: step > 3 ? 2 : Number.NaN },
  };
}

describe('which wizard step a draft can open', () => {
  it('opens every step up to the first one whose rules fail', () => {
    expect([0, 1, 2, 3, 4].map((step) => furthestReachableStep(filledBefore(step)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the asked-for step when every step before it passes', () => {
    expect(stepToShow(2, filledBefore(4))).toBe(2);
    expect(stepToShow(4, filledBefore(4))).toBe(4);
  });

  it('falls back to the furthest step it can open', () => {
    expect(stepToShow(4, filledBefore(2))).toBe(2);
    // The name emptied on step 1 (then Forward): back to step 1, with everything else kept in the draft.
    const unnamed = { ...filledBefore(4), type: { ...filledBefore(4).type, name: '  ' } };
    expect(stepToShow(3, unnamed)).toBe(0);
  });

  it('without an asked-for step, opens where the draft was left', () => {
    expect(stepToShow(null, { ...filledBefore(4), step: 3 })).toBe(3);
    expect(stepToShow(null, { ...filledBefore(1), step: 3 })).toBe(1);
  });
});
