import { describe, expect, it } from 'vitest';
import { chimeWav, encodeWav } from '../demo/demo-audio.ts';
import { silentMp3 } from '../../testing/audio-fixtures.ts';
import { measureAudioFile } from './audio-files.ts';

describe('measureAudioFile', () => {
  it('reads a WAV length from its header', () => {
    const measured = measureAudioFile(chimeWav(14));
    expect(measured).toEqual({ ok: true, contentType: 'audio/wav', seconds: 14 });
  });

  it('reads a WAV whose writer left the data size open', () => {
    const wav = encodeWav(new Float32Array(4000));
    wav.writeUInt32LE(0xffffffff, 40);
    expect(measureAudioFile(wav)).toMatchObject({ ok: true, seconds: 0.5 });
  });

  it('adds up MP3 frames, after an ID3 tag', () => {
    // 383 frames of 1152 samples at 44.1 kHz: 10.005 s.
    const measured = measureAudioFile(silentMp3(383, { id3: true }));
    expect(measured.ok && measured.contentType).toBe('audio/mpeg');
    expect(measured.ok && measured.seconds).toBeCloseTo(10.005, 3);
  });

  it('refuses what is neither WAV nor MP3', () => {
    expect(measureAudioFile(Buffer.from('OggS\x00\x02 not really audio'))).toMatchObject({ ok: false, problem: 'unsupported' });
    expect(measureAudioFile(Buffer.from('%PDF-1.7'))).toMatchObject({ ok: false, problem: 'unsupported' });
    // One stray sync byte pair is not an MP3.
    expect(measureAudioFile(Buffer.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]))).toMatchObject({
      ok: false,
    });
  });

  it('calls a WAV without sound damaged', () => {
    const empty = encodeWav(new Float32Array(0));
    expect(measureAudioFile(empty)).toEqual({ ok: false, problem: 'damaged', message: 'The WAV file holds no sound.' });
    expect(measureAudioFile(Buffer.from('RIFF\x04\x00\x00\x00WAVE', 'latin1'))).toMatchObject({ problem: 'damaged' });
  });
});
