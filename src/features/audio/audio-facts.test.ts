import { describe, expect, it } from 'vitest';
import { audioFileProblem, creditsPerAnsweredCall } from './audio-facts.ts';

describe('audio facts', () => {
  it('charges one credit per started 30 seconds, up to the maximum message length', () => {
    expect(creditsPerAnsweredCall(14, 120)).toBe(1);
    expect(creditsPerAnsweredCall(30, 120)).toBe(1);
    expect(creditsPerAnsweredCall(31, 120)).toBe(2);
    expect(creditsPerAnsweredCall(300, 120)).toBe(4);
  });

  it('takes WAV and MP3 files only', () => {
    expect(audioFileProblem(new File(['x'], 'chime.wav'))).toBeNull();
    expect(audioFileProblem(new File(['x'], 'voice', { type: 'audio/mpeg' }))).toBeNull();
    expect(audioFileProblem(new File(['x'], 'notes.txt', { type: 'text/plain' }))).toBe('Choose a WAV or MP3 file.');
    expect(audioFileProblem(new File([], 'empty.mp3'))).toBe('This file is empty.');
  });
});
