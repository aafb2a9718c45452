import { describe, expect, it } from 'vitest';
import { countSegments } from './sms-segments.ts';

describe('countSegments', () => {
  it('counts an empty text as nothing', () => {
    expect(countSegments('')).toMatchObject({ segments: 0, units: 0, remainingInSegment: 160, encoding: 'GSM-7' });
  });

  it('fits 160 GSM-7 characters in one segment and splits at 153 after that', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ segments: 1, remainingInSegment: 0, perSegment: 160 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remainingInSegment: 145 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters twice', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('{'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('switches the whole text to UCS-2 for any other character', () => {
    expect(countSegments('Thanks 👍')).toMatchObject({ encoding: 'UCS-2', characters: 8, units: 9, segments: 1, perSegment: 70 });
    expect(countSegments(`${'a'.repeat(70)}ł`)).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67 });
  });

  it('keeps accented letters of the GSM set in GSM-7', () => {
    expect(countSegments('Café à la française? Non: Café é').encoding).toBe('UCS-2');
    expect(countSegments('Ñandú Ü è é ù ì ò').encoding).toBe('UCS-2');
    expect(countSegments('Ñ Ü è é ù ì ò Ä Ö à').encoding).toBe('GSM-7');
  });
});
