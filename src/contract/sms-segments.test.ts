import { describe, expect, it } from 'vitest';
import { countSegments, replaceCharacter, replaceUnicodeCharacters, unicodeCharactersOf } from './sms-segments.ts';

const a = (count: number) => 'a'.repeat(count);

describe('countSegments', () => {
  it('counts an empty text as no segment', () => {
    expect(countSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, units: 0, segments: 0, perSegment: 160, remainingInSegment: 160 });
  });

  it('fits 160 GSM-7 characters in one segment and splits longer texts into 153s', () => {
    expect(countSegments(a(160))).toMatchObject({ segments: 1, perSegment: 160, remainingInSegment: 0 });
    expect(countSegments(a(161))).toMatchObject({ segments: 2, perSegment: 153, remainingInSegment: 145 });
    expect(countSegments(a(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(countSegments(a(307))).toMatchObject({ segments: 3, remainingInSegment: 152 });
  });

  it('keeps accented letters of the GSM alphabet, newlines and @ in GSM-7', () => {
    expect(countSegments('Café à 5 @ l’école'.replace('’', "'"))).toMatchObject({ encoding: 'GSM-7', units: 18 });
    expect(countSegments('Line one\nLine two')).toMatchObject({ encoding: 'GSM-7', units: 17 });
  });

  it('counts GSM extension characters twice and never splits one across segments', () => {
    expect(countSegments('Price: 5€ [approx]')).toMatchObject({ encoding: 'GSM-7', characters: 18, units: 21 });
    expect(countSegments(`${a(159)}€`)).toMatchObject({ units: 161, segments: 2 });
    // 152 units, then a 2-unit € that does not fit in the first 153: it opens the second segment.
    expect(countSegments(`${a(152)}€${a(7)}`)).toMatchObject({ units: 161, segments: 2, remainingInSegment: 153 - 9 });
  });

  it('switches to UCS-2 for any character outside the GSM alphabet', () => {
    expect(countSegments('Hi 👋')).toEqual({ encoding: 'UCS-2', characters: 4, units: 5, segments: 1, perSegment: 70, remainingInSegment: 65 });
    expect(countSegments('We’re open')).toMatchObject({ encoding: 'UCS-2', units: 10 });
    expect(countSegments(`${a(70)}ê`)).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67, remainingInSegment: 63 });
  });

  it('never splits an emoji across UCS-2 segments', () => {
    expect(countSegments(`ê${a(65)}👍${a(5)}`)).toMatchObject({ units: 73, segments: 2, remainingInSegment: 67 - 7 });
  });

  it('counts a composed emoji as one character but by its units', () => {
    expect(countSegments('👨‍👩‍👧')).toMatchObject({ characters: 1, units: 8, segments: 1 });
  });
});

describe('unicodeCharactersOf', () => {
  it('names each character that makes a text Unicode, once, with its plain stand-in', () => {
    const text = 'Don’t forget — it’s Thursday\u00a0… “bring lunch” 👍🏽 María';
    expect(countSegments(text).encoding).toBe('UCS-2');
    expect(unicodeCharactersOf(text).map(({ character, count, replacement, name }) => [character, count, replacement, name])).toEqual([
      ['’', 2, "'", 'curly apostrophe'],
      ['—', 1, '-', 'em dash'],
      ['\u00a0', 1, ' ', 'non-breaking space'],
      ['…', 1, '...', 'ellipsis'],
      ['“', 1, '"', 'curly double quote'],
      ['”', 1, '"', 'curly double quote'],
      ['👍🏽', 1, null, null],
      ['í', 1, 'i', null],
    ]);
    expect(unicodeCharactersOf(text)[0]?.firstIndex).toBe(3);
  });

  it('finds nothing in a GSM-7 text, extension characters and GSM accents included', () => {
    expect(unicodeCharactersOf('Café à 5€ [ok] {{FirstName}}')).toEqual([]);
  });

  it('replaces one character everywhere, or every replaceable one, and the text becomes GSM-7 again', () => {
    const text = 'It’s “on” — don’t be late…';
    expect(replaceCharacter(text, '’', "'")).toBe("It's “on” — don't be late…");
    const plain = replaceUnicodeCharacters(text);
    expect(plain).toBe('It\'s "on" - don\'t be late...');
    expect(countSegments(plain).encoding).toBe('GSM-7');
    // An emoji has no plain stand-in and stays; an emoji with a skin tone is replaced whole or not at all.
    expect(replaceUnicodeCharacters('Thanks 👍🏽’')).toBe("Thanks 👍🏽'");
    expect(replaceCharacter('👍🏽👍', '👍', '')).toBe('👍🏽');
    expect(replaceUnicodeCharacters('a\u200bb')).toBe('ab');
  });
});
