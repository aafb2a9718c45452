import { describe, expect, it } from 'vitest';
import { callCredits, textCredits, textSegments, transferCredits } from './credits.ts';

describe('credit rules', () => {
  it('splits GSM-7 texts at 160 septets, then 153 a segment', () => {
    expect(textSegments('a'.repeat(160))).toBe(1);
    expect(textSegments('a'.repeat(161))).toBe(2);
    expect(textSegments('a'.repeat(306))).toBe(2);
    expect(textSegments('a'.repeat(307))).toBe(3);
    // The extension characters take two septets.
    expect(textSegments('€'.repeat(80))).toBe(1);
    expect(textSegments('€'.repeat(81))).toBe(2);
  });

  it('splits Unicode texts at 70, then 67 a segment', () => {
    expect(textSegments('👍'.repeat(35))).toBe(1);
    expect(textSegments(`ć${'a'.repeat(70)}`)).toBe(2);
  });

  it('charges half a credit a segment, a credit per started 30 seconds played, a credit per started transfer minute', () => {
    expect(textCredits('Hello')).toBe(0.5);
    expect(callCredits(26, 120)).toBe(1);
    expect(callCredits(48, 120)).toBe(2);
    expect(callCredits(200, 90)).toBe(3);
    expect(transferCredits(0)).toBe(0);
    expect(transferCredits(61)).toBe(2);
  });
});
