import { describe, expect, it } from 'vitest';
import { failureSeverityOf, notOfferedSentenceOf } from './not-offered.ts';

describe('failures of features the API lacks', () => {
  const notOffered = Object.assign(new Error('Pausing is not offered by this API.'), { notOffered: 'Pausing is not offered by this API.' });

  it('reads the sentence of a feature the API lacks, and nothing from any other failure', () => {
    expect(notOfferedSentenceOf(notOffered)).toBe('Pausing is not offered by this API.');
    expect(notOfferedSentenceOf(new Error('Server error'))).toBeNull();
    expect(notOfferedSentenceOf(null)).toBeNull();
  });

  it('shows a missing feature as information and anything else as an error', () => {
    expect(failureSeverityOf(notOffered)).toBe('info');
    expect(failureSeverityOf(new Error('Server error'))).toBe('error');
    expect(failureSeverityOf(null)).toBe('error');
  });
});
