import { describe, expect, it } from 'vitest';
import { listPathKey } from './list.ts';

describe('listPathKey', () => {
  it('names system lists as their routes do, and other lists by id', () => {
    expect(listPathKey(0)).toBe('everyone');
    expect(listPathKey(-1)).toBe('unfiled');
    expect(listPathKey(-2)).toBe('deleted');
    expect(listPathKey(42)).toBe('42');
    expect(listPathKey('unfiled')).toBe('unfiled');
  });
});
