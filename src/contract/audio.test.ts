import { describe, expect, it } from 'vitest';
import { audioNameOfFile, estimateSpeechSeconds } from './audio.ts';

describe('estimateSpeechSeconds', () => {
  it('reads 150 words a minute, at least one second', () => {
    expect(estimateSpeechSeconds('Hello')).toBe(1);
    expect(estimateSpeechSeconds('one two three four five')).toBe(2);
    expect(estimateSpeechSeconds(Array.from({ length: 150 }, () => 'word').join(' '))).toBe(60);
  });

  it('counts each digit of a number as a word, and skips stray punctuation', () => {
    // "Call 2145551234 now" is spoken as 12 words.
    expect(estimateSpeechSeconds('Call 2145551234 now')).toBe(5);
    expect(estimateSpeechSeconds('Hello — there !')).toBe(1);
  });
});

describe('audioNameOfFile', () => {
  it('drops the extension only', () => {
    expect(audioNameOfFile('snow-day.mp3')).toBe('snow-day');
    expect(audioNameOfFile('CVE-2024-0001.md.mp3')).toBe('CVE-2024-0001.md');
    expect(audioNameOfFile('.wav')).toBe('Recording');
  });
});
