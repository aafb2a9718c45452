import { describe, expect, it } from 'vitest';
import { askedAhead } from '@/testing/route-prefetch.ts';
import { prefetchAudioList } from './audio-list-state.ts';

describe('the audio library route', () => {
  it('asks at once for the page its URL shows', () => {
    const { requests } = askedAhead(prefetchAudioList, {}, ['http://localhost/audio', 'http://localhost/audio?type=tts&favorites=yes&q=storm&sort=Name']);
    expect(requests).toEqual(['/api/v1/audio?pagesize=25', '/api/v1/audio?TextToSpeech=true&Favorite=true&search=storm&sortby=Name&pagesize=25']);
  });
});
