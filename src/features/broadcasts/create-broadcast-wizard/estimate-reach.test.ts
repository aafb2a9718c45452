import { describe, expect, it } from 'vitest';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { estimateReach } from './estimate-reach.ts';
import { testUser as user } from './test-user.ts';

function draftOf(type: Partial<BroadcastDraft['type']>, textMessage = ''): BroadcastDraft {
  const draft = newDraft(user);
  return {
    ...draft,
    type: { ...draft.type, name: 'Test', ...type },
    recipients: {
      ...draft.recipients,
      lists: [{ id: 34, name: 'Parents', count: 100 }],
      files: [{ fileId: 'f1', name: 'more.csv', rows: 20 }],
      contacts: [{ personId: 5, name: 'Ann', phone: '2145550100' }],
      pasted: '2145550101\n2145550102\nnot a number\n2145550101',
    },
    message: { ...draft.message, textMessage },
  };
}

describe('the reach estimate without a preview route', () => {
  it('counts list sizes, uploaded rows, contacts and distinct valid pasted numbers', () => {
    expect(estimateReach(draftOf({ channel: 'voice' }), 500)).toEqual({
      people: 123,
      CallCount: 123,
      TextCount: 0,
      MaxCreditCost: 123,
      AvailableCredits: 500,
    });
  });

  it("prices each text by the message's segments", () => {
    const estimate = estimateReach(draftOf({ channel: 'text' }, 'x'.repeat(200)), null);
    expect(estimate).toMatchObject({ CallCount: 0, TextCount: 123, MaxCreditCost: 123 * 2 * 0.5 });
  });

  it('bounds an "Or" combo by the dearer channel, and an "And" combo by both', () => {
    expect(estimateReach(draftOf({ channel: 'both', combo: 'or' }, 'Hi'), null).MaxCreditCost).toBe(123);
    expect(estimateReach(draftOf({ channel: 'both', combo: 'and' }, 'Hi'), null).MaxCreditCost).toBe(123 * 1.5);
  });
});
