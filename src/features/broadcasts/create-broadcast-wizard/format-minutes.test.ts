import { describe, expect, it } from 'vitest';
import { formatMinutes } from './format-minutes.ts';

describe('formatMinutes', () => {
  it('says hours and minutes', () => {
    expect(formatMinutes(372)).toBe('6 h 12 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(0)).toBe('0 min');
  });
});
