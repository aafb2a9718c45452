import { describe, expect, it } from 'vitest';
import { audioFileProblem } from '@/utils/audio-files.ts';
import { describeCallCost } from './audio-facts.ts';

describe('audio facts', () => {
  it('charges one credit per started 30 seconds, up to the maximum message length', () => {
    expect(describeCallCost(14, 120)).toBe('1 credit per connected call');
    expect(describeCallCost(45, 120)).toBe('2 credits per connected call');
  });

  it('takes WAV and MP3 files only', () => {
    expect(audioFileProblem(new File(['x'], 'chime.wav'))).toBeNull();
    expect(audioFileProblem(new File(['x'], 'voice', { type: 'audio/mpeg' }))).toBeNull();
    expect(audioFileProblem(new File(['x'], 'notes.txt', { type: 'text/plain' }))).toBe('Choose a WAV or MP3 file.');
    expect(audioFileProblem(new File([], 'empty.mp3'))).toBe('This file is empty.');
  });
});
