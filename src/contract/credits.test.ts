import { describe, expect, it } from 'vitest';
import { callCredits, maxCreditCost, textCredits, transferCredits } from './credits.ts';

describe('credit rules', () => {
  it('charges half a credit a segment, a credit per started 30 seconds played, a credit per started transfer minute', () => {
    expect(textCredits('Hello')).toBe(0.5);
    expect(callCredits(26, 120)).toBe(1);
    expect(callCredits(48, 120)).toBe(2);
    expect(callCredits(200, 90)).toBe(3);
    expect(transferCredits(0)).toBe(0);
    expect(transferCredits(61)).toBe(2);
    expect(textCredits('👍'.repeat(36))).toBe(1);
  });

  it('adds up the most a broadcast can spend', () => {
    expect(maxCreditCost(100, 2, 40, 3)).toBe(260);
  });
});
