import { describe, expect, it } from 'vitest';
import { formatApiDateTime, formatApiDay, formatApiRelative, formatApiTime, parseApiDate } from './format-date.ts';

describe('API dates', () => {
  it('keeps the wall-clock time of the offset it came with', () => {
    expect(formatApiDateTime('2017-05-25 17:54:12-0500')).toBe('May 25, 2017, 5:54 PM');
    expect(formatApiDay('2015-12-28 16:14:20.613-0600')).toBe('Dec 28, 2015');
    expect(formatApiTime('2018-10-31 08:34:08.11-0500')).toBe('8:34 AM');
  });

  it('knows the absolute moment', () => {
    expect(parseApiDate('2017-05-25 17:54:12-0500')?.instant.toISOString()).toBe('2017-05-25T22:54:12.000Z');
  });

  it('gives empty text for missing or malformed dates', () => {
    expect(formatApiDateTime(null)).toBe('');
    expect(formatApiDateTime('yesterday')).toBe('');
  });

  it('says how long ago', () => {
    const now = Date.parse('2017-05-25T23:00:00Z');
    expect(formatApiRelative('2017-05-25 17:54:12-0500', now)).toBe('6 minutes ago');
    expect(formatApiRelative('2017-05-25 17:59:50-0500', now)).toBe('just now');
    expect(formatApiRelative('2017-05-24 17:54:12-0500', now)).toBe('yesterday');
  });
});
