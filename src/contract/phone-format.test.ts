import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from './phone-format.ts';

describe('formatPhoneNumber', () => {
  it('formats 10 and 11 digits and leaves the rest', () => {
    expect(formatPhoneNumber('2145551234')).toBe('(214) 555-1234');
    expect(formatPhoneNumber('18338028132')).toBe('+1 (833) 802-8132');
    expect(formatPhoneNumber('12345')).toBe('12345');
    expect(formatPhoneNumber('')).toBe('');
  });
});
