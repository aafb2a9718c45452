import { describe, expect, it } from 'vitest';
import { formatCountOf } from './format-number.ts';

describe('formatCountOf', () => {
  it('picks the word by the plural rules', () => {
    expect(formatCountOf(1, 'person', 'people')).toBe('1 person');
    expect(formatCountOf(0, 'call', 'calls')).toBe('0 calls');
    expect(formatCountOf(4221, 'row', 'rows')).toBe('4,221 rows');
  });
});
